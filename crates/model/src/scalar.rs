//! The number the formulas compute in: `Decimal` for the exact figures (money to the
//! cent), `f64` for the thousands of draws of the uncertainty analysis (model.md
//! section 10). The formulas are written once, over [`Scalar`], so the two cannot drift.

use crate::number::from_f64_shortest;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use std::ops::{Add, AddAssign, Div, Mul, MulAssign, Neg, Sub};

pub trait Scalar:
    Copy
    + PartialEq
    + PartialOrd
    + std::fmt::Debug
    + Add<Output = Self>
    + Sub<Output = Self>
    + Mul<Output = Self>
    + Div<Output = Self>
    + Neg<Output = Self>
    + AddAssign
    + MulAssign
    + std::iter::Sum
{
    const ZERO: Self;
    const ONE: Self;
    const TWO: Self;
    const TWELVE: Self;
    const HUNDRED: Self;

    fn from_decimal(value: Decimal) -> Self;
    fn to_f64(self) -> f64;
    /// A result computed in `f64` (coverage, a lognormal mean), brought into this type:
    /// a `Decimal` through its shortest round-trip text, `fallback` when not finite.
    fn from_f64_or(value: f64, fallback: Self) -> Self;

    fn is_zero(self) -> bool {
        self == Self::ZERO
    }

    fn min_of(self, other: Self) -> Self {
        if other < self { other } else { self }
    }

    fn max_of(self, other: Self) -> Self {
        if other > self { other } else { self }
    }
}

impl Scalar for Decimal {
    const ZERO: Self = Decimal::ZERO;
    const ONE: Self = Decimal::ONE;
    const TWO: Self = Decimal::TWO;
    const TWELVE: Self = Decimal::from_parts(12, 0, 0, false, 0);
    const HUNDRED: Self = Decimal::ONE_HUNDRED;

    fn from_decimal(value: Decimal) -> Self {
        value
    }

    fn to_f64(self) -> f64 {
        ToPrimitive::to_f64(&self).unwrap_or(f64::NAN)
    }

    fn from_f64_or(value: f64, fallback: Self) -> Self {
        from_f64_shortest(value).unwrap_or(fallback)
    }
}

impl Scalar for f64 {
    const ZERO: Self = 0.0;
    const ONE: Self = 1.0;
    const TWO: Self = 2.0;
    const TWELVE: Self = 12.0;
    const HUNDRED: Self = 100.0;

    fn from_decimal(value: Decimal) -> Self {
        Scalar::to_f64(value)
    }

    fn to_f64(self) -> f64 {
        self
    }

    fn from_f64_or(value: f64, fallback: Self) -> Self {
        if value.is_finite() { value } else { fallback }
    }
}
