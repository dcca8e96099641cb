//! The year-by-year quantities the costs and expected losses are built from (model.md
//! section 4), for readers who re-derive the figures: the workbook's timeline rows. They
//! are the evaluation's own [`Timeline`], not a second computation.

use crate::evaluate::Timeline;
use crate::inputs::Inputs;
use rust_decimal::Decimal;

/// One year `t` of the timeline; shares are fractions, prices € per user-month.
#[derive(Debug, Clone, PartialEq)]
pub struct YearWorkings {
    /// `ramp_t`: share of the moved users in place at the end of the year.
    pub ramp_end: Decimal,
    /// `u_t`: share of the moved users in place on average over the year.
    pub in_place: Decimal,
    /// `g_t`: share of the moved users migrated during the year.
    pub migrated: Decimal,
    /// `M_t = s·N·u_t`.
    pub users_on_trusted: Decimal,
    /// `Δ_t = s·N·g_t`.
    pub users_migrated: Decimal,
    /// `x_t = c·u_t`: share of the sensitive data moved.
    pub sensitive_data_moved: Decimal,
    /// `I_t = (1 + i)^(t−1)`.
    pub inflation_index: Decimal,
    /// `(1 + r)^t`: a year's amount is divided by it.
    pub discount_divisor: Decimal,
    /// `P_pub(t)`.
    pub price_public: Decimal,
    /// `P_tr(t)` with no premium: what a moved user's licence would cost at the public price.
    pub price_trusted_at_no_premium: Decimal,
    /// `P_tr(t)`.
    pub price_trusted: Decimal,
}

/// The timeline of `inputs`, years 1 to H.
pub fn yearly_workings(inputs: &Inputs) -> Vec<YearWorkings> {
    let timeline = Timeline::new(inputs);
    let moved_users = inputs.moved_share * inputs.users;
    let premium = Decimal::ONE + inputs.premium_pct / Decimal::ONE_HUNDRED;
    (0..inputs.horizon_years)
        .map(|t| {
            let (u, g) = (timeline.in_place[t], timeline.migrated[t]);
            YearWorkings {
                ramp_end: inputs.ramp_at(t + 1),
                in_place: u,
                migrated: g,
                users_on_trusted: moved_users * u,
                users_migrated: moved_users * g,
                sensitive_data_moved: inputs.coverage * u,
                inflation_index: timeline.inflation[t],
                discount_divisor: timeline.discount[t],
                price_public: timeline.price_public[t],
                price_trusted_at_no_premium: timeline.price_trusted_at_no_premium[t],
                price_trusted: timeline.price_trusted_at_no_premium[t] * premium,
            }
        })
        .collect()
}
