//! Costs (model.md section 4), expected risk (section 5) and the headline figures, exact
//! in `Decimal`. Nothing is rounded here: rounding happens where figures are shown.

use crate::inputs::{Inputs, RiskInputs, lognormal_median};
use crate::scenario::Exposure;
use rust_decimal::Decimal;

const TWELVE: Decimal = Decimal::from_parts(12, 0, 0, false, 0);

/// The seven cost lines of one year of one option (model.md section 4).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct CostLines {
    pub licences_public: Decimal,
    pub licences_trusted: Decimal,
    pub one_off_per_user: Decimal,
    pub dual_run: Decimal,
    pub fixed_project: Decimal,
    pub two_estate_ops: Decimal,
    pub sensitive_data_controls: Decimal,
}

impl CostLines {
    pub fn total(&self) -> Decimal {
        self.licences_public
            + self.licences_trusted
            + self.one_off_per_user
            + self.dual_run
            + self.fixed_project
            + self.two_estate_ops
            + self.sensitive_data_controls
    }
}

/// One risk's expected figures in one option.
#[derive(Debug, Clone, PartialEq)]
pub struct RiskFigures {
    pub median_loss: Decimal,
    pub mean_loss: Decimal,
    /// λ by year: expected events, not a probability.
    pub rate_by_year: Vec<Decimal>,
    pub expected_loss_by_year: Vec<Decimal>,
    pub npv_expected_loss: Decimal,
}

impl RiskFigures {
    /// `1 − e^(−λ)`: the chance of at least one event in the year.
    pub fn probability_by_year(&self) -> Vec<f64> {
        self.rate_by_year
            .iter()
            .map(|&rate| -(-crate::inputs::to_f64(rate)).exp_m1())
            .collect()
    }
}

/// Everything one option costs and risks over the horizon.
#[derive(Debug, Clone, PartialEq)]
pub struct OptionFigures {
    pub yearly_cost_breakdown: Vec<CostLines>,
    pub yearly_cost: Vec<Decimal>,
    pub total_cost: Decimal,
    pub npv_cost: Decimal,
    pub yearly_expected_loss: Vec<Decimal>,
    pub npv_expected_loss: Decimal,
    pub risk_adjusted_npv: Decimal,
    pub risks: Vec<RiskFigures>,
}

/// The comparison of the two options, unrounded.
#[derive(Debug, Clone, PartialEq)]
pub struct Figures {
    pub horizon_years: usize,
    /// `s · N`.
    pub moved_users: Decimal,
    pub public: OptionFigures,
    pub hybrid: OptionFigures,
    pub extra_cost_npv: Decimal,
    pub risk_avoided_npv: Decimal,
    pub net_benefit_npv: Decimal,
    /// `None` when no user is ever on the trusted offer within the horizon.
    pub break_even_premium_pct: Option<Decimal>,
    pub payback_year: Option<usize>,
    pub steady_state_annual_net: Decimal,
}

/// The year-by-year quantities both options are computed from.
struct Timeline {
    /// `u_t`, `g_t`, `I_t`, `(1 + r)^t` for t = 1..H.
    in_place: Vec<Decimal>,
    migrated: Vec<Decimal>,
    inflation: Vec<Decimal>,
    discount: Vec<Decimal>,
}

impl Timeline {
    fn new(inputs: &Inputs) -> Timeline {
        let h = inputs.horizon_years;
        let moving = !inputs.moved_share.is_zero();
        let mut timeline = Timeline {
            in_place: Vec::with_capacity(h),
            migrated: Vec::with_capacity(h),
            inflation: Vec::with_capacity(h),
            discount: Vec::with_capacity(h),
        };
        let (mut inflation, mut discount) = (Decimal::ONE, Decimal::ONE);
        for t in 1..=h {
            let (before, after) = (inputs.ramp_at(t - 1), inputs.ramp_at(t));
            if moving {
                timeline.in_place.push((before + after) / Decimal::TWO);
                timeline.migrated.push(after - before);
            } else {
                timeline.in_place.push(Decimal::ZERO);
                timeline.migrated.push(Decimal::ZERO);
            }
            timeline.inflation.push(inflation);
            discount *= Decimal::ONE + inputs.discount_rate;
            timeline.discount.push(discount);
            inflation *= Decimal::ONE + inputs.inflation;
        }
        timeline
    }

    fn npv(&self, values: &[Decimal]) -> Decimal {
        values
            .iter()
            .zip(&self.discount)
            .map(|(value, factor)| value / factor)
            .sum()
    }
}

/// Computes every figure of model.md sections 4 and 5 for `inputs`.
pub fn evaluate(inputs: &Inputs) -> Figures {
    let timeline = Timeline::new(inputs);
    let h = inputs.horizon_years;
    let hundred = Decimal::ONE_HUNDRED;

    // Σ_k share_k · list_k · (1 − d_pub): € per user-month before escalation.
    let base_price: Decimal = inputs
        .plans
        .iter()
        .map(|(list, share)| share * list)
        .sum::<Decimal>()
        * (Decimal::ONE - inputs.suite_discount);
    let premium_factor = Decimal::ONE + inputs.premium_pct / hundred;
    let moved_users = inputs.moved_share * inputs.users;
    let one_off = inputs.one_off_per_user.total();

    let mut public_lines = Vec::with_capacity(h);
    let mut hybrid_lines = Vec::with_capacity(h);
    let mut break_even_base = Decimal::ZERO;
    let (mut public_escalation, mut trusted_escalation) = (Decimal::ONE, Decimal::ONE);
    for t in 0..h {
        let (u, g, inflation) = (
            timeline.in_place[t],
            timeline.migrated[t],
            timeline.inflation[t],
        );
        let price_public = base_price * public_escalation;
        let price_trusted_at_no_premium = base_price * trusted_escalation;
        let price_trusted = price_trusted_at_no_premium * premium_factor;
        let on_trusted = moved_users * u;
        let migrated = moved_users * g;
        let sensitive_moved = inputs.coverage * u;

        public_lines.push(CostLines {
            licences_public: inputs.users * price_public * TWELVE,
            sensitive_data_controls: inputs.controls_per_year * inflation,
            ..CostLines::default()
        });
        hybrid_lines.push(CostLines {
            licences_public: (inputs.users - on_trusted) * price_public * TWELVE,
            licences_trusted: on_trusted * price_trusted * TWELVE,
            one_off_per_user: migrated * one_off * inflation,
            dual_run: migrated * inputs.dual_run_months * price_public,
            fixed_project: inputs.fixed_project * g * inflation,
            two_estate_ops: on_trusted * inputs.two_estate_ops * TWELVE * inflation,
            sensitive_data_controls: inputs.controls_per_year
                * (Decimal::ONE - sensitive_moved)
                * inflation,
        });
        break_even_base +=
            on_trusted * price_trusted_at_no_premium * TWELVE / (hundred * timeline.discount[t]);
        public_escalation *= Decimal::ONE + inputs.public_escalation;
        trusted_escalation *= Decimal::ONE + inputs.trusted_escalation;
    }

    let public_risks: Vec<RiskFigures> = inputs
        .risks
        .iter()
        .map(|risk| risk_figures(risk, &timeline, |_| public_rate(risk)))
        .collect();
    let hybrid_risks: Vec<RiskFigures> = inputs
        .risks
        .iter()
        .map(|risk| risk_figures(risk, &timeline, |t| hybrid_rate(risk, inputs, &timeline, t)))
        .collect();

    let public = option_figures(public_lines, public_risks, &timeline);
    let hybrid = option_figures(hybrid_lines, hybrid_risks, &timeline);

    let extra_cost_npv = hybrid.npv_cost - public.npv_cost;
    let risk_avoided_npv = public.npv_expected_loss - hybrid.npv_expected_loss;
    let net_benefit_npv = risk_avoided_npv - extra_cost_npv;

    let yearly_net: Vec<Decimal> = (0..h)
        .map(|t| {
            public.yearly_cost[t] + public.yearly_expected_loss[t]
                - hybrid.yearly_cost[t]
                - hybrid.yearly_expected_loss[t]
        })
        .collect();
    let payback_year = if inputs.moved_share.is_zero() {
        None
    } else {
        let mut cumulative = Decimal::ZERO;
        (0..h)
            .find(|&t| {
                cumulative += yearly_net[t] / timeline.discount[t];
                cumulative >= Decimal::ZERO
            })
            .map(|t| t + 1)
    };

    Figures {
        horizon_years: h,
        moved_users,
        break_even_premium_pct: (!break_even_base.is_zero())
            .then(|| inputs.premium_pct + net_benefit_npv / break_even_base),
        payback_year,
        steady_state_annual_net: yearly_net.last().copied().unwrap_or_default(),
        public,
        hybrid,
        extra_cost_npv,
        risk_avoided_npv,
        net_benefit_npv,
    }
}

fn option_figures(
    lines: Vec<CostLines>,
    risks: Vec<RiskFigures>,
    timeline: &Timeline,
) -> OptionFigures {
    let h = lines.len();
    let yearly_cost: Vec<Decimal> = lines.iter().map(CostLines::total).collect();
    let yearly_expected_loss: Vec<Decimal> = (0..h)
        .map(|t| risks.iter().map(|r| r.expected_loss_by_year[t]).sum())
        .collect();
    let npv_cost = timeline.npv(&yearly_cost);
    let npv_expected_loss = timeline.npv(&yearly_expected_loss);
    OptionFigures {
        total_cost: yearly_cost.iter().sum(),
        npv_cost,
        npv_expected_loss,
        risk_adjusted_npv: npv_cost + npv_expected_loss,
        yearly_cost_breakdown: lines,
        yearly_cost,
        yearly_expected_loss,
        risks,
    }
}

fn risk_figures(
    risk: &RiskInputs,
    timeline: &Timeline,
    rate: impl Fn(usize) -> Decimal,
) -> RiskFigures {
    let rate_by_year: Vec<Decimal> = (0..timeline.inflation.len()).map(rate).collect();
    let expected_loss_by_year: Vec<Decimal> = rate_by_year
        .iter()
        .zip(&timeline.inflation)
        .map(|(rate, inflation)| rate * risk.mean_loss * inflation)
        .collect();
    RiskFigures {
        median_loss: lognormal_median(risk.loss_low, risk.loss_high),
        mean_loss: risk.mean_loss,
        npv_expected_loss: timeline.npv(&expected_loss_by_year),
        rate_by_year,
        expected_loss_by_year,
    }
}

fn public_rate(risk: &RiskInputs) -> Decimal {
    match risk.exposure {
        Exposure::SensitiveData | Exposure::MovedUsers => risk.rate,
        Exposure::Introduced => Decimal::ZERO,
    }
}

/// The hybrid rate of year `t` (0-based), model.md section 5.
fn hybrid_rate(risk: &RiskInputs, inputs: &Inputs, timeline: &Timeline, t: usize) -> Decimal {
    let u = timeline.in_place[t];
    let reduction = Decimal::ONE - risk.trusted_multiplier;
    match risk.exposure {
        Exposure::SensitiveData => risk.rate * (Decimal::ONE - inputs.coverage * u * reduction),
        Exposure::MovedUsers => risk.rate * (Decimal::ONE - inputs.moved_share * u * reduction),
        Exposure::Introduced if risk.during_migration_only => risk.rate * timeline.migrated[t],
        Exposure::Introduced => risk.rate * u,
    }
}
