//! Costs (model.md section 4), expected risk (section 5) and the headline figures, exact
//! in `Decimal`. Nothing is rounded here: rounding happens where figures are shown.

use crate::inputs::{Inputs, RiskInputs, lognormal_median};
use crate::moved_terms::{
    CostLine, CostTerm, Factor, Per, Users, moved_costs, public_rate, rate_reduction,
};
use crate::scalar::Scalar;
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
    fn line_mut(&mut self, line: CostLine) -> &mut Decimal {
        match line {
            CostLine::LicencesPublic => &mut self.licences_public,
            CostLine::LicencesTrusted => &mut self.licences_trusted,
            CostLine::OneOffPerUser => &mut self.one_off_per_user,
            CostLine::DualRun => &mut self.dual_run,
            CostLine::FixedProject => &mut self.fixed_project,
            CostLine::TwoEstateOps => &mut self.two_estate_ops,
            CostLine::SensitiveDataControls => &mut self.sensitive_data_controls,
        }
    }

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
            .map(|&rate| -libm::expm1(-crate::inputs::to_f64(rate)))
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

/// The most years a scenario spans (model.md section 2).
const MAX_YEARS: usize = 15;

/// The year-by-year quantities both options are computed from. Fixed arrays: sensitivity
/// builds one per point, and allocating would cost more than the arithmetic.
#[derive(Debug, Clone)]
pub(crate) struct Timeline<N = Decimal> {
    years: usize,
    /// `u_t` and `g_t`, t = 1..H.
    pub(crate) in_place: [N; MAX_YEARS],
    pub(crate) migrated: [N; MAX_YEARS],
    /// `I_t = (1 + i)^(t−1)` and `(1 + r)^t`.
    pub(crate) inflation: [N; MAX_YEARS],
    pub(crate) discount: [N; MAX_YEARS],
    /// `Σ_t factor_t / (1 + r)^t` for each factor, at its `index`: the net benefit is
    /// linear in them (see [`cost_part`]).
    discounted: [N; 6],
    /// `P_pub(t)` and `P_tr(t)` at no premium, € per user-month.
    pub(crate) price_public: [N; MAX_YEARS],
    pub(crate) price_trusted_at_no_premium: [N; MAX_YEARS],
}

impl<N: Scalar> Timeline<N> {
    pub(crate) fn new(inputs: &Inputs<N>) -> Timeline<N> {
        let years = inputs.horizon_years.min(MAX_YEARS);
        let moving = !inputs.moved_share.is_zero();
        let zeros = [N::ZERO; MAX_YEARS];
        let mut timeline = Timeline {
            years,
            in_place: zeros,
            migrated: zeros,
            inflation: zeros,
            discount: zeros,
            discounted: [N::ZERO; 6],
            price_public: zeros,
            price_trusted_at_no_premium: zeros,
        };
        // Σ_k share_k · list_k · (1 − d_pub): € per user-month before escalation.
        let base_price: N = inputs
            .plans
            .iter()
            .map(|&(list, share)| share * list)
            .sum::<N>()
            * (N::ONE - inputs.suite_discount);
        let (mut inflation, mut discount) = (N::ONE, N::ONE);
        let (mut public_escalation, mut trusted_escalation) = (N::ONE, N::ONE);
        for t in 0..years {
            let (before, after) = (inputs.ramp_at(t), inputs.ramp_at(t + 1));
            if moving {
                timeline.in_place[t] = (before + after) / N::TWO;
                timeline.migrated[t] = after - before;
            }
            discount *= N::ONE + inputs.discount_rate;
            timeline.inflation[t] = inflation;
            timeline.discount[t] = discount;
            timeline.price_public[t] = base_price * public_escalation;
            timeline.price_trusted_at_no_premium[t] = base_price * trusted_escalation;
            // Each price or index discounted once, then taken by the users on the trusted
            // offer and by those migrated.
            for per in Per::ALL {
                let discounted = timeline.per_at(per, t) / discount;
                for users in Users::ALL {
                    let factor = Factor { users, per };
                    timeline.discounted[factor.index()] += timeline.users_at(users, t) * discounted;
                }
            }
            inflation *= N::ONE + inputs.inflation;
            public_escalation *= N::ONE + inputs.public_escalation;
            trusted_escalation *= N::ONE + inputs.trusted_escalation;
        }
        timeline
    }

    /// `I_t` and `1/(1+r)^t` in `f64`, for the Monte Carlo: the exact values, so both
    /// engines discount alike.
    pub(crate) fn inflation_and_discount_f64(&self) -> (Vec<f64>, Vec<f64>) {
        let years = 0..self.years;
        (
            years.clone().map(|t| self.inflation[t].to_f64()).collect(),
            years.map(|t| 1.0 / self.discount[t].to_f64()).collect(),
        )
    }

    fn users_at(&self, users: Users, t: usize) -> N {
        match users {
            Users::InPlace => self.in_place[t],
            Users::Migrated => self.migrated[t],
        }
    }

    fn per_at(&self, per: Per, t: usize) -> N {
        match per {
            Per::PublicPrice => self.price_public[t],
            Per::TrustedPriceAtNoPremium => self.price_trusted_at_no_premium[t],
            Per::Inflation => self.inflation[t],
        }
    }

    /// `factor` in year `t` (0-based).
    fn factor_at(&self, factor: Factor, t: usize) -> N {
        self.users_at(factor.users, t) * self.per_at(factor.per, t)
    }

    fn npv(&self, values: impl IntoIterator<Item = N>) -> N {
        values
            .into_iter()
            .zip(&self.discount[..self.years])
            .map(|(value, factor)| value / *factor)
            .sum()
    }
}

/// The cost lines of year `t` (0-based) of the public and the hybrid option (model.md
/// section 4): the public option pays every user's public licence and the sensitive data's
/// controls; the hybrid that, and what moving adds to each line.
fn year_costs(
    inputs: &Inputs,
    moved: &[CostTerm<Decimal>],
    timeline: &Timeline,
    t: usize,
) -> (CostLines, CostLines) {
    let public = CostLines {
        licences_public: inputs.users * timeline.price_public[t] * TWELVE,
        sensitive_data_controls: inputs.controls_per_year * timeline.inflation[t],
        ..CostLines::default()
    };
    let mut hybrid = public;
    for term in moved {
        *hybrid.line_mut(term.line) += term.coefficient * timeline.factor_at(term.factor, t);
    }
    (public, hybrid)
}

/// Computes every figure of model.md sections 4 and 5 for `inputs`.
pub fn evaluate(inputs: &Inputs) -> Figures {
    let timeline = Timeline::new(inputs);
    let h = inputs.horizon_years;
    let moved = moved_costs(inputs);
    let (public_lines, hybrid_lines): (Vec<CostLines>, Vec<CostLines>) = (0..h)
        .map(|t| year_costs(inputs, &moved, &timeline, t))
        .unzip();

    let (public_risks, hybrid_risks): (Vec<RiskFigures>, Vec<RiskFigures>) = inputs
        .risks
        .iter()
        .map(|risk| {
            let median = lognormal_median(risk.loss_low, risk.loss_high);
            let (public, (reduction, users)) = (public_rate(risk), rate_reduction(risk, inputs));
            (
                risk_figures(risk, median, &timeline, |_| public),
                // The hybrid rate of year t, model.md section 5.
                risk_figures(risk, median, &timeline, |t| {
                    public - reduction * timeline.users_at(users, t)
                }),
            )
        })
        .unzip();

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
    // K_prem = Σ_t M_t · P_tr(t)|prem=0 · 12 / (100 · (1 + r)^t): the NPV of one premium point.
    let moved_users = inputs.moved_share * inputs.users;
    let one_premium_point = timeline.npv((0..h).map(|t| {
        moved_users * timeline.in_place[t] * timeline.price_trusted_at_no_premium[t] * TWELVE
            / Decimal::ONE_HUNDRED
    }));

    Figures {
        horizon_years: h,
        moved_users,
        // `None` too when a near-zero price puts the break-even beyond what a Decimal holds.
        break_even_premium_pct: net_benefit_npv
            .checked_div(one_premium_point)
            .and_then(|shift| inputs.premium_pct.checked_add(shift)),
        payback_year,
        steady_state_annual_net: yearly_net.last().copied().unwrap_or_default(),
        public,
        hybrid,
        extra_cost_npv,
        risk_avoided_npv,
        net_benefit_npv,
    }
}

/// The net benefit split by what feeds it: the costs, and each risk. A sensitivity point
/// recomputes only the parts its assumption feeds.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct NetParts<N = Decimal> {
    pub(crate) costs: N,
    pub(crate) risks: Vec<N>,
}

impl<N: Scalar> NetParts<N> {
    pub(crate) fn new(inputs: &Inputs<N>, timeline: &Timeline<N>) -> NetParts<N> {
        NetParts {
            costs: cost_part(inputs, timeline),
            risks: inputs
                .risks
                .iter()
                .map(|risk| risk_part(risk, inputs, timeline))
                .collect(),
        }
    }

    pub(crate) fn total(&self) -> N {
        self.costs + self.risks.iter().copied().sum::<N>()
    }

    /// `NetParts::new(inputs, timeline).total()`, the same sums in the same order, with
    /// nothing kept: what the draws need at every share of every draw.
    pub(crate) fn total_of(inputs: &Inputs<N>, timeline: &Timeline<N>) -> N {
        cost_part(inputs, timeline)
            + inputs
                .risks
                .iter()
                .map(|risk| risk_part(risk, inputs, timeline))
                .sum::<N>()
    }
}

/// `−extra_cost_npv`: NPV of the public costs less the hybrid's, each line of what moving
/// adds a constant times a discounted sum over the years.
pub(crate) fn cost_part<N: Scalar>(inputs: &Inputs<N>, timeline: &Timeline<N>) -> N {
    -moved_costs(inputs)
        .iter()
        .map(|term| term.coefficient * timeline.discounted[term.factor.index()])
        .sum::<N>()
}

/// A risk's share of `risk_avoided_npv`, `E[X] · Σ_t (λ_pub − λ_hyb(t)) · I_t / (1 + r)^t`:
/// the rate's reduction is a constant times `u_t` (or `g_t`), so it too is one discounted sum.
pub(crate) fn risk_part<N: Scalar>(
    risk: &RiskInputs<N>,
    inputs: &Inputs<N>,
    timeline: &Timeline<N>,
) -> N {
    let (reduction, users) = rate_reduction(risk, inputs);
    let factor = Factor {
        users,
        per: Per::Inflation,
    };
    reduction * timeline.discounted[factor.index()] * risk.mean_loss
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
    let npv_cost = timeline.npv(yearly_cost.iter().copied());
    let npv_expected_loss = timeline.npv(yearly_expected_loss.iter().copied());
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
    median_loss: Decimal,
    timeline: &Timeline,
    rate: impl Fn(usize) -> Decimal,
) -> RiskFigures {
    let rate_by_year: Vec<Decimal> = (0..timeline.years).map(rate).collect();
    let expected_loss_by_year: Vec<Decimal> = rate_by_year
        .iter()
        .zip(&timeline.inflation)
        .map(|(rate, inflation)| rate * risk.mean_loss * inflation)
        .collect();
    RiskFigures {
        median_loss,
        mean_loss: risk.mean_loss,
        npv_expected_loss: timeline.npv(expected_loss_by_year.iter().copied()),
        rate_by_year,
        expected_loss_by_year,
    }
}
