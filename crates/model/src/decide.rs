//! Decision analysis (model.md sections 11 and 12): the frontier of shares, the optimal
//! share at values and under uncertainty, the cost of an obligation, the break-evens, the
//! value of information, and the board's appetite for risk.

use crate::break_even::{BreakEven, break_evens};
use crate::evaluate::{Figures, evaluate};
use crate::information::Options;
use crate::inputs::{Inputs, to_f64};
use crate::montecarlo::{
    Settings, ShareRates, SharesRun, everyone_moved, loss_scale, run_shares, summarise_run,
};
use crate::scenario::Scenario;
use crate::sensitivity::sensitivity;
use crate::uncertainty::{DrawSummary, Sampling, draw, sampling, summarise};
use rayon::prelude::*;
use rust_decimal::Decimal;

/// The grid of shares tried, in percent, every 5 points.
pub const SHARE_STEP_PCT: u32 = 5;

/// How many horizons and draws, from which seed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DecisionSettings {
    pub trials: u32,
    pub draws: u32,
    pub seed: u64,
}

impl DecisionSettings {
    /// The scenario's own `simulation` settings.
    pub fn of(scenario: &Scenario) -> DecisionSettings {
        DecisionSettings {
            trials: scenario.simulation.trials,
            draws: scenario.simulation.psa_draws,
            seed: scenario.simulation.seed,
        }
    }
}

/// How the inputs follow a share other than the scenario's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShareRules {
    /// Coverage follows the share and introduced risks scale with it (section 7).
    Scaled,
    /// Nobody moves in the file: coverage is `c` at every share, nothing scales.
    Fixed,
}

/// One share of the frontier.
#[derive(Debug, Clone, PartialEq)]
pub struct FrontierShare {
    pub share_pct: Decimal,
    pub moved_users: Decimal,
    pub is_scenario: bool,
    pub compliant: bool,
    pub extrapolated: bool,
    pub extra_cost_npv: Decimal,
    pub risk_avoided_npv: Decimal,
    pub net_benefit_npv: Decimal,
    /// The hybrid's expected risk-adjusted NPV at this share (cost + expected loss).
    pub risk_adjusted_npv: Decimal,
    pub npv_loss_p95: f64,
    pub risk_adjusted_es95: f64,
    pub risk_adjusted_es99: f64,
    pub dominated: bool,
    pub uncertainty: DrawSummary,
    pub probability_best: f64,
    /// `None` without a tolerance curve.
    pub within_appetite: Option<bool>,
}

/// A share and a figure of it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ShareFigure<T> {
    pub share_pct: Decimal,
    pub value: T,
}

/// Where a tolerance point is hardest to meet for one option: its worst year (the
/// earliest on a tie) and the chance, %, of losing at least the point's loss that year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WorstYear {
    pub worst_year: usize,
    pub probability_pct: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ToleranceCheck {
    pub loss_eur: Decimal,
    pub max_probability_pct: Decimal,
    pub public: WorstYear,
    pub hybrid: WorstYear,
}

impl ToleranceCheck {
    fn met(&self, option: &WorstYear) -> bool {
        option.probability_pct <= to_f64(self.max_probability_pct)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Appetite {
    pub tolerance_curve: Vec<ToleranceCheck>,
    pub public_within: bool,
    pub hybrid_within: bool,
}

/// An input's, or a risk's, expected value of perfect information.
#[derive(Debug, Clone, PartialEq)]
pub struct InformationValue {
    /// A path (`trusted_offer.premium_pct`) or a risk's id.
    pub name: String,
    pub value: f64,
    /// Above twice the noise floor.
    pub distinguishable: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Information {
    /// The net benefit over the draws at the scenario's share.
    pub net_benefit: DrawSummary,
    pub evpi: f64,
    pub noise_floor: f64,
    /// Largest first, ties in document order.
    pub by_input: Vec<InformationValue>,
    pub by_risk: Vec<InformationValue>,
}

impl Information {
    /// Whether anything is worth researching before deciding.
    pub fn worth_researching(&self) -> bool {
        self.evpi >= self.noise_floor
    }
}

/// Everything `bascule decide` reports (model.md section 13).
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    pub settings: DecisionSettings,
    pub share_rules: ShareRules,
    pub sampled: Vec<String>,
    pub held: Vec<String>,
    pub frontier: Vec<FrontierShare>,
    pub scenario_index: usize,
    pub optimal_at_values: ShareFigure<Decimal>,
    pub optimal_under_uncertainty: ShareFigure<f64>,
    pub best_any: ShareFigure<Decimal>,
    pub obligation_cost_npv: Decimal,
    pub scenario_compliant: bool,
    /// `None` without a tolerance curve; `Some(None)` when no share tried meets it.
    pub optimal_within_appetite: Option<Option<ShareFigure<Decimal>>>,
    pub break_even: Vec<BreakEven>,
    pub information: Information,
    pub appetite: Option<Appetite>,
    /// Section 6's figures at the scenario's share, from this pass: what `simulate`
    /// prints for the same trials and seed.
    pub simulation: crate::montecarlo::SimulationResult,
}

/// The shares tried, in percent: every 5 points, the scenario's own share and the
/// required one, ascending, without duplicates.
pub fn decision_shares(scenario: &Scenario) -> Vec<Decimal> {
    let mut shares: Vec<Decimal> = (0..=100 / SHARE_STEP_PCT)
        .map(|k| Decimal::from(k * SHARE_STEP_PCT))
        .collect();
    shares.push(scenario.migration.moved_share_pct.value.normalize());
    shares.push(scenario.migration.required_share_pct.normalize());
    shares.sort();
    shares.dedup();
    shares
}

/// Sections 10–12 for `scenario`.
pub fn decide(scenario: &Scenario, settings: DecisionSettings) -> Decision {
    decide_with(scenario, settings, false)
}

/// [`decide`], its `simulation` also keeping each risk's tails (`per_risk`): what the
/// briefing's risk table needs, from the same pass rather than a second one.
pub fn decide_with(scenario: &Scenario, settings: DecisionSettings, per_risk: bool) -> Decision {
    let inputs = Inputs::from_scenario(scenario);
    let figures = evaluate(&inputs);
    let shares = decision_shares(scenario);
    let hundred = Decimal::ONE_HUNDRED;
    let own_share = scenario.migration.moved_share_pct.value;
    let required = scenario.migration.required_share_pct;
    let scenario_index = shares.iter().position(|&s| s == own_share).unwrap_or(0);
    let at_shares: Vec<(Figures, Vec<f64>)> = shares
        .iter()
        .map(|&share| {
            let moved = inputs.at_share(share / hundred);
            (evaluate(&moved), loss_scale(&inputs, &moved))
        })
        .collect();

    // One pass of the Monte Carlo for every share.
    let curve = scenario.risk_appetite.as_ref().map(|a| &a.tolerance_curve);
    let tolerance: Vec<f64> = curve
        .map(|points| points.iter().map(|p| to_f64(p.loss_eur)).collect())
        .unwrap_or_default();
    let refs: Vec<(&Figures, Vec<f64>)> = at_shares.iter().map(|(f, s)| (f, s.clone())).collect();
    let rates = ShareRates::from_figures(&figures, &refs, &everyone_moved(&inputs));
    let mc_settings = Settings {
        trials: settings.trials,
        seed: settings.seed,
        per_risk,
    };
    // The draws of the assumptions, every share at each, beside the pass: each is
    // parallel inside, and their serial summaries overlap the other's work.
    let sampling: Sampling = sampling(scenario);
    let ((run, simulation, tails), draws) = rayon::join(
        || {
            let mut run = run_shares(&inputs, &rates, scenario_index, &tolerance, mc_settings);
            let simulation = summarise_run(&run, -to_f64(figures.extra_cost_npv), mc_settings);
            // The tails select in the columns themselves (they reorder them): nothing
            // reads a column in trial order after the summary.
            let tails: Vec<Tail> = run.npv[1..]
                .par_iter_mut()
                .map(|column| Tail::of(column))
                .collect();
            (run, simulation, tails)
        },
        || {
            draw(
                &inputs,
                &sampling,
                &shares.iter().map(|s| s / hundred).collect::<Vec<_>>(),
                settings.draws as usize,
                settings.seed,
            )
        },
    );

    let compliant: Vec<bool> = shares.iter().map(|&s| s >= required).collect();
    let range = scenario.migration.moved_share_pct.range;
    let mut frontier: Vec<FrontierShare> = shares
        .iter()
        .enumerate()
        .map(|(k, &share)| {
            let (f, _) = &at_shares[k];
            let certain = to_f64(f.hybrid.npv_cost);
            let tail = &tails[k];
            FrontierShare {
                share_pct: share,
                moved_users: f.moved_users,
                is_scenario: k == scenario_index,
                compliant: compliant[k],
                extrapolated: k != scenario_index
                    && range.is_none_or(|r| share < r.low || share > r.high),
                extra_cost_npv: f.extra_cost_npv,
                risk_avoided_npv: f.risk_avoided_npv,
                net_benefit_npv: f.net_benefit_npv,
                risk_adjusted_npv: f.hybrid.risk_adjusted_npv,
                npv_loss_p95: tail.p95,
                risk_adjusted_es95: certain + tail.es95,
                risk_adjusted_es99: certain + tail.es99,
                dominated: false,
                uncertainty: summarise(&draws.net_benefit[k]),
                probability_best: 0.0,
                within_appetite: None,
            }
        })
        .collect();
    mark_dominated(&mut frontier);
    mark_probability_best(&mut frontier, &draws.net_benefit);

    let appetite = curve.map(|points| {
        let h = inputs.horizon_years;
        let trials = run.trials as f64;
        let worst = |option: usize, j: usize| worst_year(&run, option, j, points.len(), h, trials);
        let checks: Vec<ToleranceCheck> = points
            .iter()
            .enumerate()
            .map(|(j, p)| ToleranceCheck {
                loss_eur: p.loss_eur,
                max_probability_pct: p.max_probability_pct,
                public: worst(0, j),
                hybrid: worst(scenario_index + 1, j),
            })
            .collect();
        for (k, share) in frontier.iter_mut().enumerate() {
            share.within_appetite = Some(
                checks
                    .iter()
                    .enumerate()
                    .all(|(j, c)| c.met(&worst(k + 1, j))),
            );
        }
        Appetite {
            public_within: checks.iter().all(|c| c.met(&c.public)),
            hybrid_within: checks.iter().all(|c| c.met(&c.hybrid)),
            tolerance_curve: checks,
        }
    });

    let best_at_values = |keep: &dyn Fn(&FrontierShare) -> bool| {
        best_by(&frontier, keep, |s| s.net_benefit_npv).map(|s| ShareFigure {
            share_pct: s.share_pct,
            value: s.net_benefit_npv,
        })
    };
    let fallback = ShareFigure {
        share_pct: Decimal::ZERO,
        value: Decimal::ZERO,
    };
    let optimal_at_values = best_at_values(&|s| s.compliant).unwrap_or(fallback);
    let best_any = best_at_values(&|_| true).unwrap_or(fallback);
    let optimal_under_uncertainty = best_by(&frontier, |s| s.compliant, |s| s.uncertainty.mean)
        .map_or(
            ShareFigure {
                share_pct: Decimal::ZERO,
                value: 0.0,
            },
            |s| ShareFigure {
                share_pct: s.share_pct,
                value: s.uncertainty.mean,
            },
        );
    let optimal_within_appetite = appetite
        .as_ref()
        .map(|_| best_at_values(&|s| s.compliant && s.within_appetite == Some(true)));

    let sensitivity_rows = sensitivity(scenario, &inputs);
    let information = information(scenario, &sampling, &draws, &compliant, scenario_index);
    Decision {
        settings,
        share_rules: if own_share.is_zero() {
            ShareRules::Fixed
        } else {
            ShareRules::Scaled
        },
        sampled: sampling.sampled.iter().map(|s| s.path.clone()).collect(),
        held: sampling.held.clone(),
        scenario_index,
        obligation_cost_npv: best_any.value - optimal_at_values.value,
        scenario_compliant: own_share >= required,
        optimal_at_values,
        optimal_under_uncertainty,
        best_any,
        optimal_within_appetite,
        break_even: break_evens(scenario, &inputs, &figures, &sensitivity_rows),
        information,
        appetite,
        simulation,
        frontier,
    }
}

/// The share with the largest `key` among those kept; ties to the smaller share.
fn best_by<T: PartialOrd + Copy>(
    frontier: &[FrontierShare],
    keep: impl Fn(&FrontierShare) -> bool,
    key: impl Fn(&FrontierShare) -> T,
) -> Option<&FrontierShare> {
    let mut best: Option<&FrontierShare> = None;
    for share in frontier.iter().filter(|s| keep(s)) {
        if best.is_none_or(|b| key(share) > key(b)) {
            best = Some(share);
        }
    }
    best
}

/// Among compliant shares: another has an expected risk-adjusted NPV and an expected
/// shortfall both lower or equal, one strictly.
fn mark_dominated(frontier: &mut [FrontierShare]) {
    let marks: Vec<bool> = frontier
        .iter()
        .map(|share| {
            share.compliant
                && frontier.iter().any(|other| {
                    other.compliant
                        && other.risk_adjusted_npv <= share.risk_adjusted_npv
                        && other.risk_adjusted_es95 <= share.risk_adjusted_es95
                        && (other.risk_adjusted_npv < share.risk_adjusted_npv
                            || other.risk_adjusted_es95 < share.risk_adjusted_es95)
                })
        })
        .collect();
    for (share, dominated) in frontier.iter_mut().zip(marks) {
        share.dominated = dominated;
    }
}

/// The share of draws in which each compliant share has the largest net benefit among
/// compliant shares (ties: the smaller share).
fn mark_probability_best(frontier: &mut [FrontierShare], net_benefit: &[Vec<f64>]) {
    let draws = net_benefit.first().map_or(0, Vec::len);
    let mut wins = vec![0usize; frontier.len()];
    let best_at = |n: usize| {
        let mut best: Option<usize> = None;
        for (k, share) in frontier.iter().enumerate() {
            if share.compliant && best.is_none_or(|b| net_benefit[k][n] > net_benefit[b][n]) {
                best = Some(k);
            }
        }
        best
    };
    for k in (0..draws).filter_map(best_at) {
        wins[k] += 1;
    }
    for (share, won) in frontier.iter_mut().zip(wins) {
        share.probability_best = if draws == 0 {
            0.0
        } else {
            won as f64 / draws as f64
        };
    }
}

/// The upper tail of a column of losses: its P95 and the means of its worst 5 % and 1 %.
struct Tail {
    p95: f64,
    es95: f64,
    es99: f64,
}

impl Tail {
    /// By selection, not sorting (22 shares of up to 2 million trials); reorders `values`.
    fn of(values: &mut [f64]) -> Tail {
        let n = values.len();
        if n == 0 {
            return Tail {
                p95: 0.0,
                es95: 0.0,
                es99: 0.0,
            };
        }
        let p95 = crate::montecarlo::percentiles(values, [95])[0];
        let worst_5 = n.div_ceil(20);
        let worst_1 = n.div_ceil(100);
        let descending = |a: &f64, b: &f64| b.total_cmp(a);
        values.select_nth_unstable_by(worst_5 - 1, descending);
        let top = &mut values[..worst_5];
        // Summed largest first, whatever order the selection left them in.
        top.sort_unstable_by(descending);
        let mean = |part: &[f64]| part.iter().sum::<f64>() / part.len() as f64;
        Tail {
            p95,
            es95: mean(top),
            es99: mean(&top[..worst_1]),
        }
    }
}

/// For option `option` (0 public, `k + 1` share `k`) and tolerance point `j`: the year in
/// which losing at least the point's loss is likeliest (the earliest on a tie).
fn worst_year(
    run: &SharesRun,
    option: usize,
    j: usize,
    points: usize,
    h: usize,
    trials: f64,
) -> WorstYear {
    let mut worst = WorstYear {
        worst_year: 1,
        probability_pct: -1.0,
    };
    for t in 0..h {
        let count = run.at_least[(option * h + t) * points + j];
        let probability_pct = 100.0 * count as f64 / trials;
        if probability_pct > worst.probability_pct {
            worst = WorstYear {
                worst_year: t + 1,
                probability_pct,
            };
        }
    }
    worst
}

fn information(
    scenario: &Scenario,
    sampling: &Sampling,
    draws: &crate::uncertainty::Draws,
    compliant: &[bool],
    scenario_index: usize,
) -> Information {
    let columns: Vec<&[f64]> = draws
        .net_benefit
        .iter()
        .zip(compliant)
        .filter(|(_, ok)| **ok)
        .map(|(column, _)| column.as_slice())
        .collect();
    let options = Options::new(&columns);
    let perfect = options.evpi();
    // Every estimate at once, in parallel, each the same sums as alone: the dummies',
    // then each sampled input's, then each risk's (none when none of its inputs is drawn).
    let risk_values: Vec<Option<&[f64]>> = (0..scenario.risks.len())
        .map(|i| {
            let sampled = sampling
                .sampled
                .iter()
                .any(|input| input.target.risk() == Some(i));
            sampled.then(|| draws.risk_weight[i].as_slice())
        })
        .collect();
    let estimated: Vec<f64> = draws
        .dummies
        .iter()
        .chain(&draws.values)
        .map(|values| Some(values.as_slice()))
        .chain(risk_values)
        .collect::<Vec<_>>()
        .into_par_iter()
        .map(|values| values.map_or(0.0, |v| options.evppi(v, perfect)))
        .collect();
    let (dummies, estimated) = estimated.split_at(draws.dummies.len());
    let (inputs, risks) = estimated.split_at(draws.values.len());
    let noise_floor = if dummies.is_empty() {
        0.0
    } else {
        dummies.iter().sum::<f64>() / dummies.len() as f64
    };
    let value_of = |name: String, value: f64| InformationValue {
        name,
        value,
        distinguishable: value > 2.0 * noise_floor,
    };
    let mut by_input: Vec<InformationValue> = sampling
        .sampled
        .iter()
        .zip(inputs)
        .map(|(input, &value)| value_of(input.path.clone(), value))
        .collect();
    let mut by_risk: Vec<InformationValue> = scenario
        .risks
        .iter()
        .zip(risks)
        .map(|(risk, &value)| value_of(risk.id.clone(), value))
        .collect();
    // Stable sorts keep document order among equal values.
    by_input.sort_by(|a, b| b.value.total_cmp(&a.value));
    by_risk.sort_by(|a, b| b.value.total_cmp(&a.value));
    Information {
        net_benefit: summarise(&draws.net_benefit[scenario_index]),
        evpi: perfect,
        noise_floor,
        by_input,
        by_risk,
    }
}
