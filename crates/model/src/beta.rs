//! The regularised incomplete beta function and its inverse, on `libm` (the same digits
//! on every machine): the PERT quantile through which a risk's two loss bounds share one
//! uniform (model.md section 10). After Press et al., Numerical Recipes (3rd ed., 6.4).

/// `ln B(a, b)`.
fn ln_beta(a: f64, b: f64) -> f64 {
    libm::lgamma(a) + libm::lgamma(b) - libm::lgamma(a + b)
}

/// The continued fraction of the incomplete beta function (modified Lentz).
fn continued_fraction(a: f64, b: f64, x: f64) -> f64 {
    const EPS: f64 = f64::EPSILON;
    const TINY: f64 = f64::MIN_POSITIVE / f64::EPSILON;
    let guard = |v: f64| if v.abs() < TINY { TINY } else { v };
    let (qab, qap, qam) = (a + b, a + 1.0, a - 1.0);
    let mut c = 1.0;
    let mut d = 1.0 / guard(1.0 - qab * x / qap);
    let mut h = d;
    for m in 1..10_000 {
        let m = f64::from(m);
        let m2 = 2.0 * m;
        let even = m * (b - m) * x / ((qam + m2) * (a + m2));
        d = 1.0 / guard(1.0 + even * d);
        c = guard(1.0 + even / c);
        h *= d * c;
        let odd = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
        d = 1.0 / guard(1.0 + odd * d);
        c = guard(1.0 + odd / c);
        let step = d * c;
        h *= step;
        if (step - 1.0).abs() <= EPS {
            break;
        }
    }
    h
}

/// `I_x(a, b)`, the CDF of Beta(a, b) at `x`.
pub fn incomplete_beta(x: f64, a: f64, b: f64) -> f64 {
    incomplete_beta_given(x, a, b, ln_beta(a, b))
}

/// `I_x(a, b)` with `ln B(a, b)` already known (the quantile's iterations share it).
fn incomplete_beta_given(x: f64, a: f64, b: f64, ln_beta_ab: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    if x >= 1.0 {
        return 1.0;
    }
    incomplete_beta_inside(x, a, b, ln_beta_ab, libm::log(x), libm::log1p(-x))
}

/// `I_x(a, b)` for `0 < x < 1`, given `ln x` and `ln(1 − x)` (the quantile's density at
/// `x` takes the same two logarithms).
fn incomplete_beta_inside(x: f64, a: f64, b: f64, ln_beta_ab: f64, ln_x: f64, ln_1mx: f64) -> f64 {
    let front = libm::exp(-ln_beta_ab + a * ln_x + b * ln_1mx);
    if x < (a + 1.0) / (a + b + 2.0) {
        front * continued_fraction(a, b, x) / a
    } else {
        1.0 - front * continued_fraction(b, a, 1.0 - x) / b
    }
}

/// The `p` quantile of Beta(a, b), for `a, b ≥ 1` (a PERT's shape): Halley's method from
/// an approximation of the normal quantile, to about 1e-12.
pub fn beta_quantile(p: f64, a: f64, b: f64) -> f64 {
    if p <= 0.0 {
        return 0.0;
    }
    if p >= 1.0 {
        return 1.0;
    }
    let (a1, b1) = (a - 1.0, b - 1.0);
    let mut x = {
        let pp = if p < 0.5 { p } else { 1.0 - p };
        let t = libm::sqrt(-2.0 * libm::log(pp));
        let mut z = (2.30753 + t * 0.27061) / (1.0 + t * (0.99229 + t * 0.04481)) - t;
        if p < 0.5 {
            z = -z;
        }
        let al = (z * z - 3.0) / 6.0;
        let h = 2.0 / (1.0 / (2.0 * a - 1.0) + 1.0 / (2.0 * b - 1.0));
        let w = z * libm::sqrt(al + h) / h
            - (1.0 / (2.0 * b - 1.0) - 1.0 / (2.0 * a - 1.0)) * (al + 5.0 / 6.0 - 2.0 / (3.0 * h));
        a / (a + b * libm::exp(2.0 * w))
    };
    let ln_beta_ab = ln_beta(a, b);
    let normaliser = -ln_beta_ab;
    for j in 0..20 {
        if x <= 0.0 || x >= 1.0 {
            break;
        }
        let (ln_x, ln_1mx) = (libm::log(x), libm::log1p(-x));
        let error = incomplete_beta_inside(x, a, b, ln_beta_ab, ln_x, ln_1mx) - p;
        let density = libm::exp(a1 * ln_x + b1 * ln_1mx + normaliser);
        if density == 0.0 {
            break;
        }
        let u = error / density;
        let step = u / (1.0 - 0.5 * f64::min(1.0, u * (a1 / x - b1 / (1.0 - x))));
        x -= step;
        if x <= 0.0 {
            x = 0.5 * (x + step);
        }
        if x >= 1.0 {
            x = 0.5 * (x + step + 1.0);
        }
        if step.abs() < 1e-13 * x && j > 0 {
            break;
        }
    }
    x.clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cdf_of_simple_betas_is_known() {
        // Beta(1, 1) is uniform; Beta(2, 1) has CDF x²; Beta(1, 3) has CDF 1 − (1 − x)³.
        for x in [0.1, 0.25, 0.5, 0.9] {
            assert!((incomplete_beta(x, 1.0, 1.0) - x).abs() < 1e-14);
            assert!((incomplete_beta(x, 2.0, 1.0) - x * x).abs() < 1e-14);
            let expected = 1.0 - (1.0 - x) * (1.0 - x) * (1.0 - x);
            assert!((incomplete_beta(x, 1.0, 3.0) - expected).abs() < 1e-14);
        }
        // Symmetric: I_½(a, a) = ½.
        assert!((incomplete_beta(0.5, 3.0, 3.0) - 0.5).abs() < 1e-14);
    }

    #[test]
    fn the_quantile_inverts_the_cdf() {
        for (a, b) in [
            (1.0, 1.0),
            (1.0, 5.0),
            (5.0, 1.0),
            (3.0, 3.0),
            (1.8, 4.2),
            (4.9, 1.1),
        ] {
            for p in [1e-6, 0.01, 0.05, 0.3, 0.5, 0.77, 0.95, 0.999_999] {
                let x = beta_quantile(p, a, b);
                let back = incomplete_beta(x, a, b);
                assert!(
                    (back - p).abs() < 1e-10,
                    "a {a} b {b} p {p}: x {x}, I = {back}"
                );
            }
        }
    }
}
