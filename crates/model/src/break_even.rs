//! The break-even of any input (model.md section 11): the values at which the expected net
//! benefit at the scenario's share is zero, everything else at its value. "For moving to
//! pay, the compelled-access rate would have to be above 0.18 a year — 36 times the
//! reference value."

use crate::evaluate::Figures;
use crate::inputs::{Inputs, to_f64};
use crate::number::from_f64_shortest;
use crate::scenario::Scenario;
use crate::sensitivity::{OneInput, SensitivityRow, Target};
use rust_decimal::Decimal;

/// Points of the scan of a field's allowed range.
pub const SCAN_POINTS: usize = 257;
/// Roots reported per input, the nearest the current value.
pub const MAX_ROOTS: usize = 4;

/// Which side of the primary root the net benefit is positive on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaysWhen {
    Above,
    Below,
}

/// What the break-even is of: an assumption of the file, or a risk's losses as a whole.
#[derive(Debug, Clone, PartialEq)]
pub enum BreakEvenInput {
    Assumption(Target),
    /// `risks[i].loss_scale`: a multiplier of both loss bounds, value 1.
    LossScale(usize),
}

#[derive(Debug, Clone, PartialEq)]
pub struct BreakEven {
    pub path: String,
    pub input: BreakEvenInput,
    pub value: Decimal,
    /// Up to four roots, the nearest the current value, ascending.
    pub roots: Vec<Decimal>,
    /// The root nearest the current value in the scan's scale (ties: the smaller).
    pub primary: Option<Decimal>,
    pub pays_when: Option<PaysWhen>,
    /// Whether the primary root lies inside the assumption's range (`None` for a loss scale).
    pub within_range: Option<bool>,
}

impl BreakEven {
    /// `primary − value`.
    pub fn change(&self) -> Option<Decimal> {
        self.primary.map(|p| p - self.value)
    }

    /// `primary / value` when both are positive.
    pub fn ratio_to_value(&self) -> Option<Decimal> {
        let primary = self.primary?;
        (self.value > Decimal::ZERO && primary > Decimal::ZERO)
            .then(|| primary.checked_div(self.value))
            .flatten()
    }

    /// Whether the amounts of this input are euros (shown to the cent).
    pub fn is_amount(&self) -> bool {
        matches!(&self.input, BreakEvenInput::Assumption(t) if t.is_amount())
    }
}

/// Every break-even of section 11, rows in document order, each risk's `loss_scale`
/// after that risk's inputs.
pub fn break_evens(
    scenario: &Scenario,
    inputs: &Inputs,
    figures: &Figures,
    sensitivity: &[SensitivityRow],
) -> Vec<BreakEven> {
    let exact = OneInput::new(inputs);
    let approximate_inputs = inputs.to_f64();
    let approximate = OneInput::new(&approximate_inputs);
    let list = crate::sensitivity::assumptions(scenario);
    let mut rows = Vec::new();
    for (k, (path, target, assumption)) in list.iter().enumerate() {
        let target = *target;
        let ranged = assumption.range.filter(|_| target != Target::MovedShare);
        let swings = sensitivity
            .iter()
            .any(|r| r.target == target && !r.swing.is_zero());
        if let Some(range) = ranged.filter(|_| swings) {
            let found = if target == Target::Premium {
                premium_row(path, assumption.value, figures)
            } else {
                scanned_row(path, target, assumption.value, inputs, &approximate)
            };
            let within = |root: Decimal| range.low <= root && root <= range.high;
            rows.push(BreakEven {
                within_range: found.primary.map(within),
                ..found
            });
        }
        if let Some(risk) = risk_index(target) {
            let risk_goes_on = list
                .get(k + 1)
                .is_some_and(|(_, next, _)| risk_index(*next) == Some(risk));
            if !risk_goes_on {
                rows.extend(loss_scale_row(&exact, risk));
            }
        }
    }
    rows
}

fn risk_index(target: Target) -> Option<usize> {
    match target {
        Target::RiskRate(i) | Target::LossLow(i) | Target::LossHigh(i) | Target::Multiplier(i) => {
            Some(i)
        }
        _ => None,
    }
}

/// The premium enters linearly: its root is section 7's break-even premium, not clamped.
fn premium_row(path: &str, value: Decimal, figures: &Figures) -> BreakEven {
    let root = figures.break_even_premium_pct;
    BreakEven {
        path: path.to_owned(),
        input: BreakEvenInput::Assumption(Target::Premium),
        value,
        roots: root.into_iter().collect(),
        primary: root,
        // A dearer trusted licence makes moving worse.
        pays_when: root.map(|_| PaysWhen::Below),
        within_range: None,
    }
}

/// A risk's losses scaled by `k` scale its part of the net benefit by `k`: the root is
/// `k* = 1 − NB / part`, reported when positive.
fn loss_scale_row(exact: &OneInput, risk: usize) -> Option<BreakEven> {
    let part = exact.risk_part(risk);
    let root = Decimal::ONE - exact.net_benefit().checked_div(part)?;
    let root = (root > Decimal::ZERO).then_some(root);
    Some(BreakEven {
        path: format!("risks[{risk}].loss_scale"),
        input: BreakEvenInput::LossScale(risk),
        value: Decimal::ONE,
        roots: root.into_iter().collect(),
        primary: root,
        pays_when: root.map(|_| {
            if part > Decimal::ZERO {
                PaysWhen::Above
            } else {
                PaysWhen::Below
            }
        }),
        within_range: None,
    })
}

/// Scan the field's allowed range, then bisect each sign change (section 11).
fn scanned_row(
    path: &str,
    target: Target,
    value: Decimal,
    inputs: &Inputs,
    approximate: &OneInput<f64>,
) -> BreakEven {
    let (start, end) = scan_range(target, inputs);
    let log = start > 0.0 && end / start >= 100.0;
    let to_scan = |v: f64| if log { libm::log(v) } else { v };
    let from_scan = |x: f64| if log { libm::exp(x) } else { x };
    let (a, b) = (to_scan(start), to_scan(end));
    let net = |x: f64| approximate.net_benefit_at(target, from_scan(x));
    let points: Vec<f64> = (0..SCAN_POINTS)
        .map(|j| a + (b - a) * j as f64 / (SCAN_POINTS - 1) as f64)
        .collect();
    let values: Vec<f64> = points.iter().map(|&x| net(x)).collect();

    // Each root, in the scan's scale, with the sign of the net benefit just above it.
    let mut roots: Vec<(f64, bool)> = Vec::new();
    for j in 0..SCAN_POINTS {
        if values[j] == 0.0 {
            let above = values.get(j + 1).or(values.get(j.wrapping_sub(1))).copied();
            let positive_above = if j + 1 < SCAN_POINTS {
                above.is_some_and(|v| v > 0.0)
            } else {
                above.is_some_and(|v| v < 0.0)
            };
            roots.push((points[j], positive_above));
            continue;
        }
        if j + 1 < SCAN_POINTS && values[j + 1] != 0.0 && (values[j] > 0.0) != (values[j + 1] > 0.0)
        {
            let root = bisect(&net, points[j], points[j + 1], values[j], &from_scan);
            roots.push((root, values[j + 1] > 0.0));
        }
    }
    let current = to_scan(to_f64(value));
    let distance = |x: f64| (x - current).abs();
    // Nearest first, ties to the smaller; keep four, list them ascending.
    let mut nearest = roots.clone();
    nearest.sort_by(|p, q| {
        distance(p.0)
            .total_cmp(&distance(q.0))
            .then(p.0.total_cmp(&q.0))
    });
    nearest.truncate(MAX_ROOTS);
    let primary = nearest.first().copied();
    nearest.sort_by(|p, q| p.0.total_cmp(&q.0));
    let decimal = |x: f64| from_f64_shortest(from_scan(x));
    BreakEven {
        path: path.to_owned(),
        input: BreakEvenInput::Assumption(target),
        value,
        roots: nearest.iter().filter_map(|r| decimal(r.0)).collect(),
        primary: primary.and_then(|r| decimal(r.0)),
        pays_when: primary.map(|(_, positive_above)| {
            if positive_above {
                PaysWhen::Above
            } else {
                PaysWhen::Below
            }
        }),
        within_range: None,
    }
}

/// Bisection in the scan's scale until the bracket, in value, is within `1e-12·|v*|`.
fn bisect(
    net: &impl Fn(f64) -> f64,
    mut low: f64,
    mut high: f64,
    value_at_low: f64,
    from_scan: &impl Fn(f64) -> f64,
) -> f64 {
    let low_positive = value_at_low > 0.0;
    for _ in 0..200 {
        let middle = 0.5 * (low + high);
        let (v_low, v_high, v_mid) = (from_scan(low), from_scan(high), from_scan(middle));
        let tolerance = if v_mid == 0.0 {
            1e-12
        } else {
            1e-12 * v_mid.abs()
        };
        if (v_high - v_low).abs() <= tolerance || middle <= low || middle >= high {
            break;
        }
        let at_middle = net(middle);
        if at_middle == 0.0 {
            return middle;
        }
        if (at_middle > 0.0) == low_positive {
            low = middle;
        } else {
            high = middle;
        }
    }
    0.5 * (low + high)
}

/// The field's allowed range, an open end moved inward by `1e-9·(b − a)`; a loss bound
/// only up to the other bound and within 1000× of it.
fn scan_range(target: Target, inputs: &Inputs) -> (f64, f64) {
    let bounds = target.bounds();
    let (mut a, mut b) = (to_f64(bounds.min), to_f64(bounds.max));
    let inward = 1e-9 * (b - a);
    if bounds.min_exclusive {
        a += inward;
    }
    if bounds.max_exclusive {
        b -= inward;
    }
    match target {
        Target::LossLow(i) => {
            let high = to_f64(inputs.risks[i].loss_high);
            (a.max(high / 1000.0), high)
        }
        Target::LossHigh(i) => {
            let low = to_f64(inputs.risks[i].loss_low);
            (low, b.min(low * 1000.0))
        }
        _ => (a, b),
    }
}
