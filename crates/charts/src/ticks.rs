//! Axis ticks at round values.

/// About `count` ticks covering `[low, high]` at steps of 1, 2, 2.5 or 5 × 10^k; the first
/// tick is at or below `low`, the last at or above `high`.
pub fn linear(low: f64, high: f64, count: usize) -> Vec<f64> {
    if high <= low {
        // One value: span from zero to it (or 0 to 1 when it is zero).
        let (low, high) = (low.min(0.0), if low == 0.0 { 1.0 } else { low.max(0.0) });
        return linear(low, high, count);
    }
    let raw = (high - low) / count.max(1) as f64;
    let magnitude = libm::pow(10.0, libm::floor(libm::log10(raw)));
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude);
    let first = libm::floor(low / step + 1e-9);
    let last = libm::ceil(high / step - 1e-9);
    // Whole multiples of the step, computed from integers so that 0.3 stays 0.3.
    (first as i64..=last as i64)
        .map(|k| round_to_step(k as f64 * step, step))
        .collect()
}

fn round_to_step(value: f64, step: f64) -> f64 {
    let decimals = (-libm::floor(libm::log10(step))).max(0.0) as i32 + 1;
    let scale = libm::pow(10.0, f64::from(decimals));
    libm::round(value * scale) / scale
}

/// Decades covering `[low, high]` (both > 0): 10^a … 10^b.
pub fn decades(low: f64, high: f64) -> Vec<f64> {
    let (a, b) = (
        libm::floor(libm::log10(low) + 1e-9),
        libm::ceil(libm::log10(high) - 1e-9),
    );
    (a as i32..=(b as i32).max(a as i32 + 1))
        .map(|k| libm::pow(10.0, f64::from(k)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linear_ticks_are_round_and_cover_the_range() {
        assert_eq!(linear(0.0, 27.9, 5), vec![0.0, 10.0, 20.0, 30.0]);
        assert_eq!(linear(-3.6, 2.4, 5), vec![-4.0, -2.0, 0.0, 2.0, 4.0]);
        assert_eq!(linear(0.0, 0.93, 4), vec![0.0, 0.25, 0.5, 0.75, 1.0]);
        assert_eq!(linear(0.0, 0.3, 3), vec![0.0, 0.1, 0.2, 0.3]);
        assert_eq!(linear(5.0, 5.0, 4).first().copied(), Some(0.0));
    }

    #[test]
    fn decades_cover_the_range() {
        assert_eq!(decades(3_000.0, 2_000_000.0), vec![1e3, 1e4, 1e5, 1e6, 1e7]);
        assert_eq!(decades(1_000.0, 1_000.0), vec![1e3, 1e4]);
    }
}
