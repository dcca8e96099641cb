//! The allowed range of every numeric field of the scenario format (model.md section 3),
//! defined once: the reader checks values against them, the JSON Schema shows them.

use rust_decimal::Decimal;
use schemars::Schema;
use serde_json::Value;

/// An interval of allowed values, each end included unless marked exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bounds {
    pub min: Decimal,
    pub max: Decimal,
    pub min_exclusive: bool,
    pub max_exclusive: bool,
}

const fn int(n: i64) -> Decimal {
    let magnitude = n.unsigned_abs();
    Decimal::from_parts(magnitude as u32, (magnitude >> 32) as u32, 0, n < 0, 0)
}

impl Bounds {
    pub const fn closed(min: i64, max: i64) -> Bounds {
        Bounds {
            min: int(min),
            max: int(max),
            min_exclusive: false,
            max_exclusive: false,
        }
    }

    pub const fn below(min: i64, max: i64) -> Bounds {
        Bounds {
            min: int(min),
            max: int(max),
            min_exclusive: false,
            max_exclusive: true,
        }
    }

    pub const fn above(min: i64, max: i64) -> Bounds {
        Bounds {
            min: int(min),
            max: int(max),
            min_exclusive: true,
            max_exclusive: false,
        }
    }

    pub fn contains(&self, value: Decimal) -> bool {
        let above_min = if self.min_exclusive {
            value > self.min
        } else {
            value >= self.min
        };
        let below_max = if self.max_exclusive {
            value < self.max
        } else {
            value <= self.max
        };
        above_min && below_max
    }

    /// A schemars transform that writes these bounds on every number in a field's schema.
    pub fn schema(&'static self) -> impl FnMut(&mut Schema) {
        move |schema: &mut Schema| {
            if let Some(object) = schema.as_object_mut() {
                annotate(object, self);
            }
        }
    }
}

fn annotate(object: &mut serde_json::Map<String, Value>, bounds: &Bounds) {
    let numeric = match object.get("type") {
        Some(Value::String(t)) => t == "number" || t == "integer",
        Some(Value::Array(types)) => types.iter().any(|t| t == "number" || t == "integer"),
        _ => false,
    };
    if numeric {
        let (min_key, max_key) = (
            if bounds.min_exclusive {
                "exclusiveMinimum"
            } else {
                "minimum"
            },
            if bounds.max_exclusive {
                "exclusiveMaximum"
            } else {
                "maximum"
            },
        );
        object.insert(min_key.into(), json_number(bounds.min));
        object.insert(max_key.into(), json_number(bounds.max));
    }
    for child in object.values_mut() {
        match child {
            Value::Object(inner) => annotate(inner, bounds),
            Value::Array(items) => {
                for item in items.iter_mut().filter_map(Value::as_object_mut) {
                    annotate(item, bounds);
                }
            }
            _ => {}
        }
    }
}

fn json_number(value: Decimal) -> Value {
    // Every bound is an integer of at most 14 digits: exact as an i64.
    Value::from(i64::try_from(value.trunc().mantissa()).unwrap_or(i64::MAX))
}

pub const USERS: Bounds = Bounds::closed(1, 10_000_000);
pub const HORIZON_YEARS: Bounds = Bounds::closed(1, 15);
pub const REVENUE: Bounds = Bounds::closed(0, 10_000_000_000_000);
pub const DISCOUNT_RATE: Bounds = Bounds::closed(0, 30);
pub const INFLATION: Bounds = Bounds::closed(-5, 20);
pub const PRICE: Bounds = Bounds::closed(0, 1_000_000);
pub const PERCENT: Bounds = Bounds::closed(0, 100);
pub const SUITE_DISCOUNT: Bounds = Bounds::below(0, 100);
pub const ESCALATION: Bounds = Bounds::closed(-50, 100);
pub const YEARLY_AMOUNT: Bounds = Bounds::closed(0, 10_000_000_000);
pub const PREMIUM: Bounds = Bounds::closed(-90, 500);
pub const PER_USER_AMOUNT: Bounds = Bounds::closed(0, 1_000_000);
pub const HOURS: Bounds = Bounds::closed(0, 2000);
pub const FIXED_COST: Bounds = Bounds::closed(0, 10_000_000_000);
pub const DUAL_RUN_MONTHS: Bounds = Bounds::closed(0, 24);
pub const ANNUAL_RATE: Bounds = Bounds::closed(0, 100);
pub const LOSS: Bounds = Bounds::above(0, 10_000_000_000_000);
pub const TRUSTED_MULTIPLIER: Bounds = Bounds::closed(0, 10);
pub const TRIALS: Bounds = Bounds::closed(1000, 2_000_000);
pub const SEED: Bounds = Bounds::closed(0, (1 << 53) - 1);
pub const PSA_DRAWS: Bounds = Bounds::closed(10_000, 200_000);
pub const TOLERANCE_PROBABILITY: Bounds = Bounds::above(0, 100);
/// Points of a tolerance curve.
pub const TOLERANCE_POINTS: (usize, usize) = (1, 10);

/// How many plans, ramp entries and risks a scenario may list.
pub const PLANS: (usize, usize) = (1, 8);
pub const RAMP_ENTRIES: (usize, usize) = (1, 15);
pub const RISKS: (usize, usize) = (0, 64);
/// The widest 90 % loss interval: `high / low` at most this.
pub const LOSS_RATIO: i64 = 1000;
/// Names of the scenario, organisation, plans, offer and risks.
pub const NAME_CHARS: (usize, usize) = (1, 200);
/// A source's text (no limit in model.md; a generous one keeps layouts sane).
pub const SOURCE_CHARS: (usize, usize) = (0, 10_000);
/// Bibliography ids one assumption or risk may cite.
pub const CITES_MAX: usize = 16;
/// Entries a file's own bibliography may hold.
pub const BIBLIOGRAPHY_MAX: usize = 200;
/// A bibliography entry's publisher, title, address and supports.
pub const PUBLISHER_CHARS: (usize, usize) = (1, 200);
pub const TITLE_CHARS: (usize, usize) = (1, 300);
pub const ADDRESS_CHARS: (usize, usize) = (1, 500);
pub const SUPPORTS_CHARS: (usize, usize) = (1, 2000);

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn ends_are_included_or_excluded_as_declared() {
        assert!(PERCENT.contains(dec!(0)) && PERCENT.contains(dec!(100)));
        assert!(!PERCENT.contains(dec!(100.0001)) && !PERCENT.contains(dec!(-0.1)));
        assert!(SUITE_DISCOUNT.contains(dec!(99.99)) && !SUITE_DISCOUNT.contains(dec!(100)));
        assert!(!LOSS.contains(dec!(0)) && LOSS.contains(dec!(0.01)) && LOSS.contains(dec!(1e13)));
        assert!(INFLATION.contains(dec!(-5)) && !INFLATION.contains(dec!(-5.01)));
        assert_eq!(SEED.max, dec!(9007199254740991));
    }
}
