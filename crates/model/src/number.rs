//! Decimals read exactly from their text, and written back in shortest form.
//!
//! A scenario's numbers never pass through `f64`: `0.1` must stay one tenth, or
//! money computed from it drifts away from what an analyst checks by hand.

use rust_decimal::Decimal;

/// The most significant digits a decimal may carry (what `Decimal` holds exactly).
pub const MAX_SIGNIFICANT_DIGITS: usize = 28;

/// Why a text is not a decimal of the scenario format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberError {
    /// Not `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    Syntax,
    /// More than 28 significant digits, or finer than 10⁻²⁸.
    TooPrecise,
    /// Larger than `Decimal` can hold (about 7.9 × 10²⁸).
    TooLarge,
}

/// Parses `text` exactly, as model.md section 2 defines a decimal.
pub fn parse_decimal(text: &str) -> Result<Decimal, NumberError> {
    let bytes = text.as_bytes();
    let mut at = 0;
    let negative = bytes.first() == Some(&b'-');
    if negative {
        at += 1;
    }
    let int_start = at;
    while at < bytes.len() && bytes[at].is_ascii_digit() {
        at += 1;
    }
    let int_digits = &text[int_start..at];
    if int_digits.is_empty() || (int_digits.len() > 1 && int_digits.starts_with('0')) {
        return Err(NumberError::Syntax);
    }
    let mut frac_digits = "";
    if at < bytes.len() && bytes[at] == b'.' {
        let start = at + 1;
        at = start;
        while at < bytes.len() && bytes[at].is_ascii_digit() {
            at += 1;
        }
        frac_digits = &text[start..at];
        if frac_digits.is_empty() {
            return Err(NumberError::Syntax);
        }
    }
    let mut exponent: i64 = 0;
    if at < bytes.len() && (bytes[at] == b'e' || bytes[at] == b'E') {
        at += 1;
        let exp_negative = match bytes.get(at) {
            Some(b'-') => {
                at += 1;
                true
            }
            Some(b'+') => {
                at += 1;
                false
            }
            _ => false,
        };
        let start = at;
        while at < bytes.len() && bytes[at].is_ascii_digit() {
            // Saturate: an exponent past a few hundred is out of range either way.
            exponent = (exponent * 10 + i64::from(bytes[at] - b'0')).min(1_000_000);
            at += 1;
        }
        if at == start {
            return Err(NumberError::Syntax);
        }
        if exp_negative {
            exponent = -exponent;
        }
    }
    if at != bytes.len() {
        return Err(NumberError::Syntax);
    }

    // The digits as one integer mantissa, without the zeros that carry no value.
    let all_digits: String = [int_digits, frac_digits].concat();
    let mut scale = frac_digits.len() as i64 - exponent;
    let trimmed_end = all_digits.trim_end_matches('0');
    scale -= (all_digits.len() - trimmed_end.len()) as i64;
    let significant = trimmed_end.trim_start_matches('0');
    if significant.is_empty() {
        return Ok(Decimal::ZERO);
    }
    if significant.len() > MAX_SIGNIFICANT_DIGITS {
        return Err(NumberError::TooPrecise);
    }
    let mut mantissa: i128 = significant.parse().map_err(|_| NumberError::Syntax)?;
    if scale < 0 {
        if significant.len() as i64 - scale > 29 {
            return Err(NumberError::TooLarge);
        }
        for _ in 0..-scale {
            mantissa *= 10;
        }
        scale = 0;
    }
    if scale > 28 {
        return Err(NumberError::TooPrecise);
    }
    if negative {
        mantissa = -mantissa;
    }
    Decimal::try_from_i128_with_scale(mantissa, scale as u32).map_err(|_| NumberError::TooLarge)
}

/// The shortest text of a decimal: no exponent, no trailing zeros, `-0` written `0`.
pub fn shortest(value: Decimal) -> String {
    value.normalize().to_string()
}

/// A value computed in `f64` (a lognormal mean, a coverage), brought into `Decimal`
/// through its shortest round-trip text, as model.md section 2 requires.
pub fn from_f64_shortest(value: f64) -> Option<Decimal> {
    if !value.is_finite() {
        return None;
    }
    // `{:e}` is Rust's shortest round-trip form, in scientific notation so that
    // tiny values do not turn into a long run of zeros.
    let text = format!("{value:e}");
    let (mantissa, exponent) = text.split_once('e')?;
    let exponent: i64 = exponent.parse().ok()?;
    let negative = mantissa.starts_with('-');
    let digits_part = mantissa.trim_start_matches('-');
    let (int_part, frac_part) = digits_part.split_once('.').unwrap_or((digits_part, ""));
    let digits: i128 = format!("{int_part}{frac_part}").parse().ok()?;
    let mut scale = frac_part.len() as i64 - exponent;
    let mut digits = if negative { -digits } else { digits };
    if scale < 0 {
        for _ in 0..-scale {
            digits = digits.checked_mul(10)?;
        }
        scale = 0;
    }
    if scale > 28 {
        // Finer than a Decimal can hold: round half away from zero to its last place.
        let shift = (scale - 28) as u32;
        let Some(divisor) = 10_i128.checked_pow(shift) else {
            return Some(Decimal::ZERO);
        };
        let (quotient, remainder) = (digits / divisor, digits % divisor);
        digits = quotient
            + if remainder.abs() * 2 >= divisor {
                digits.signum()
            } else {
                0
            };
        scale = 28;
    }
    Decimal::try_from_i128_with_scale(digits, scale as u32).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn reads_the_forms_of_model_md() {
        assert_eq!(parse_decimal("0"), Ok(dec!(0)));
        assert_eq!(parse_decimal("-0"), Ok(dec!(0)));
        assert_eq!(parse_decimal("22.5"), Ok(dec!(22.5)));
        assert_eq!(parse_decimal("0.1"), Ok(dec!(0.1)));
        assert_eq!(parse_decimal("1e13"), Ok(dec!(10000000000000)));
        assert_eq!(parse_decimal("2.5E-3"), Ok(dec!(0.0025)));
        assert_eq!(parse_decimal("-12.50e+1"), Ok(dec!(-125)));
        assert_eq!(parse_decimal("100.000"), Ok(dec!(100)));
    }

    #[test]
    fn refuses_what_json_or_the_format_refuses() {
        for bad in [
            "", "-", "01", "1.", ".5", "+1", "1e", "1e+", "0x10", "1_000", " 1", "1 ", "NaN",
            "Infinity",
        ] {
            assert_eq!(parse_decimal(bad), Err(NumberError::Syntax), "{bad:?}");
        }
    }

    #[test]
    fn refuses_what_a_decimal_cannot_hold_exactly() {
        assert_eq!(
            parse_decimal("1234567890123456789012345678.9"),
            Err(NumberError::TooPrecise)
        );
        assert_eq!(parse_decimal("1e-29"), Err(NumberError::TooPrecise));
        assert_eq!(parse_decimal("1e29"), Err(NumberError::TooLarge));
        assert_eq!(parse_decimal("1e999999999999"), Err(NumberError::TooLarge));
        assert_eq!(
            parse_decimal("0.0000000000000000000000000001"),
            Ok(Decimal::new(1, 28))
        );
    }

    #[test]
    fn shortest_form_has_no_trailing_zero_nor_negative_zero() {
        assert_eq!(shortest(dec!(22.500)), "22.5");
        assert_eq!(shortest(dec!(-0.00)), "0");
        assert_eq!(shortest(dec!(10000000000000)), "10000000000000");
    }

    #[test]
    fn f64_values_come_in_through_their_shortest_text() {
        assert_eq!(from_f64_shortest(0.1), Some(dec!(0.1)));
        assert_eq!(from_f64_shortest(1e13), Some(dec!(10000000000000)));
        assert_eq!(from_f64_shortest(-2.5e-3), Some(dec!(-0.0025)));
        assert_eq!(from_f64_shortest(1.0 / 3.0), Some(dec!(0.3333333333333333)));
        assert_eq!(from_f64_shortest(f64::NAN), None);
        assert_eq!(from_f64_shortest(1e-40), Some(Decimal::ZERO));
    }
}
