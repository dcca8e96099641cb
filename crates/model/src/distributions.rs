//! The random draws of the model — normal, lognormal, Poisson, gamma, beta — with every
//! transcendental function called from `libm` by name, so that a seed gives the same
//! digits on every machine, every system and every build of Bascule.
//!
//! Why not `rand_distr`: its samplers call `x.ln()`, `x.exp()`, which resolve to the
//! standard library's methods (the platform's maths) as soon as any crate in the build
//! turns on `rand/std` — lopdf does, through printpdf — and to `libm` otherwise. The same
//! seed then gave other trials in the command line than in the model's own tests (found
//! by the golden values of model version 2: a normal draw in the tail, one ulp apart).

use rand::RngExt;
use rand_chacha::ChaCha8Rng;

/// A uniform on `[0, 1)`, 53 random bits.
pub fn uniform(rng: &mut ChaCha8Rng) -> f64 {
    rng.random::<f64>()
}

/// Layers of the ziggurat.
const LAYERS: usize = 256;
/// The ziggurat's rightmost layer edge and the area of each layer (Marsaglia & Tsang, "The
/// Ziggurat Method for Generating Random Variables", J. Stat. Software 5(8), 2000).
const ZIGGURAT_R: f64 = 3.654_152_885_361_009;
const ZIGGURAT_V: f64 = 0.004_928_673_233_99;

/// The layer edges `x_i` (`x_0` the base's equivalent width, `x_256 = 0`) and the density at
/// each, `e^(−x²/2)`, worked out once with libm.
struct Ziggurat {
    x: [f64; LAYERS + 1],
    f: [f64; LAYERS + 1],
}

fn ziggurat() -> &'static Ziggurat {
    static TABLES: std::sync::OnceLock<Ziggurat> = std::sync::OnceLock::new();
    TABLES.get_or_init(|| {
        let density = |x: f64| libm::exp(-0.5 * x * x);
        let mut x = [0.0; LAYERS + 1];
        x[0] = ZIGGURAT_V / density(ZIGGURAT_R);
        x[1] = ZIGGURAT_R;
        for i in 1..LAYERS - 1 {
            x[i + 1] = libm::sqrt(-2.0 * libm::log(ZIGGURAT_V / x[i] + density(x[i])));
        }
        x[LAYERS] = 0.0;
        let mut f = [0.0; LAYERS + 1];
        for i in 0..=LAYERS {
            f[i] = density(x[i]);
        }
        Ziggurat { x, f }
    })
}

/// A standard normal, by the ziggurat: one 64-bit draw most of the time (8 bits pick the
/// layer, 53 the position), an exponential only near the layers' edges and in the tail.
pub fn standard_normal(rng: &mut ChaCha8Rng) -> f64 {
    let table = ziggurat();
    loop {
        let bits: u64 = rng.random();
        let i = (bits & 0xff) as usize;
        let u = 2.0 * ((bits >> 11) as f64 * (1.0 / (1u64 << 53) as f64)) - 1.0;
        let x = u * table.x[i];
        if libm::fabs(x) < table.x[i + 1] {
            return x;
        }
        if i == 0 {
            // The tail beyond R, by Marsaglia's method.
            loop {
                let tail = -libm::log(1.0 - uniform(rng)) / ZIGGURAT_R;
                let y = -libm::log(1.0 - uniform(rng));
                if 2.0 * y >= tail * tail {
                    return if u < 0.0 {
                        -(ZIGGURAT_R + tail)
                    } else {
                        ZIGGURAT_R + tail
                    };
                }
            }
        }
        if table.f[i + 1] + (table.f[i] - table.f[i + 1]) * uniform(rng) < libm::exp(-0.5 * x * x) {
            return x;
        }
    }
}

/// A lognormal whose logarithm has mean `mu` and standard deviation `sigma`.
pub fn lognormal(mu: f64, sigma: f64, rng: &mut ChaCha8Rng) -> f64 {
    libm::exp(mu + sigma * standard_normal(rng))
}

/// Poisson counts of mean `lambda` (≥ 0): by inversion below 10, else by Hörmann's
/// transformed rejection (PTRS, Insurance: Mathematics and Economics 12, 1993). Its
/// constants are worked out once: a risk draws one count per trial.
#[derive(Debug, Clone, Copy)]
pub struct Poisson {
    lambda: f64,
    /// `e^(−λ)`, for inversion.
    limit: f64,
    /// PTRS: `ln λ`, `a`, `b`, `1/α` and `v_r`.
    log_lambda: f64,
    a: f64,
    b: f64,
    inverse_alpha: f64,
    v_r: f64,
}

impl Poisson {
    pub fn new(lambda: f64) -> Poisson {
        let lambda = if lambda.is_finite() {
            lambda.max(0.0)
        } else {
            0.0
        };
        let b = 0.931 + 2.53 * libm::sqrt(lambda);
        Poisson {
            lambda,
            limit: libm::exp(-lambda),
            log_lambda: libm::log(lambda),
            a: -0.059 + 0.02483 * b,
            b,
            inverse_alpha: 1.1239 + 1.1328 / (b - 3.4),
            v_r: 0.9277 - 3.6224 / (b - 2.0),
        }
    }

    pub fn sample(&self, rng: &mut ChaCha8Rng) -> u64 {
        if self.lambda <= 0.0 {
            return 0;
        }
        if self.lambda < 10.0 {
            // Multiply uniforms until the product falls below e^(−λ).
            let mut count = 0;
            let mut product = uniform(rng);
            while product > self.limit {
                count += 1;
                product *= uniform(rng);
            }
            return count;
        }
        let (a, b) = (self.a, self.b);
        loop {
            let u = uniform(rng) - 0.5;
            let v = uniform(rng);
            let us = 0.5 - libm::fabs(u);
            let k = libm::floor((2.0 * a / us + b) * u + self.lambda + 0.43);
            if us >= 0.07 && v <= self.v_r {
                return k as u64;
            }
            if k < 0.0 || (us < 0.013 && v > us) {
                continue;
            }
            let accept = libm::log(v) + libm::log(self.inverse_alpha)
                - libm::log(a / (us * us) + b)
                <= -self.lambda + k * self.log_lambda - libm::lgamma(k + 1.0);
            if accept {
                return k as u64;
            }
        }
    }
}

/// One Poisson count of mean `lambda`.
pub fn poisson(lambda: f64, rng: &mut ChaCha8Rng) -> u64 {
    Poisson::new(lambda).sample(rng)
}

/// A gamma of shape `shape ≥ 1` and scale 1 (Marsaglia & Tsang, ACM TOMS 26(3), 2000).
fn gamma(shape: f64, rng: &mut ChaCha8Rng) -> f64 {
    let d = shape - 1.0 / 3.0;
    let c = 1.0 / libm::sqrt(9.0 * d);
    loop {
        let x = standard_normal(rng);
        let v = 1.0 + c * x;
        if v <= 0.0 {
            continue;
        }
        let v = v * v * v;
        let u = uniform(rng);
        let x2 = x * x;
        if u < 1.0 - 0.0331 * x2 * x2 || libm::log(u) < 0.5 * x2 + d * (1.0 - v + libm::log(v)) {
            return d * v;
        }
    }
}

/// A beta of shapes `alpha, beta ≥ 1` (a PERT's), as `X / (X + Y)` of two gammas.
pub fn beta(alpha: f64, beta: f64, rng: &mut ChaCha8Rng) -> f64 {
    let x = gamma(alpha, rng);
    let y = gamma(beta, rng);
    x / (x + y)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    fn moments(draws: impl Iterator<Item = f64>) -> (f64, f64) {
        let values: Vec<f64> = draws.collect();
        let n = values.len() as f64;
        let mean = values.iter().sum::<f64>() / n;
        let variance = values.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / (n - 1.0);
        (mean, variance)
    }

    #[test]
    fn each_distribution_has_its_mean_and_variance() {
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        let n = 200_000;
        let (mean, variance) = moments((0..n).map(|_| standard_normal(&mut rng)));
        assert!(
            mean.abs() < 0.01 && (variance - 1.0).abs() < 0.01,
            "{mean} {variance}"
        );
        for lambda in [0.3, 4.0, 9.99, 10.0, 37.5, 600.0] {
            let (mean, variance) = moments((0..n).map(|_| poisson(lambda, &mut rng) as f64));
            let tolerance = 5.0 * (lambda / f64::from(n)).sqrt();
            assert!((mean - lambda).abs() < tolerance, "λ {lambda}: mean {mean}");
            assert!(
                (variance / lambda - 1.0).abs() < 0.03,
                "λ {lambda}: variance {variance}"
            );
        }
        // Beta(2, 4): mean 1/3, variance 2·4/(6²·7) = 8/252.
        let (mean, variance) = moments((0..n).map(|_| beta(2.0, 4.0, &mut rng)));
        assert!((mean - 1.0 / 3.0).abs() < 0.003 && (variance - 8.0 / 252.0).abs() < 0.001);
        // Lognormal(0, 1): mean e^½.
        let (mean, _) = moments((0..n).map(|_| lognormal(0.0, 1.0, &mut rng)));
        assert!((mean - libm::exp(0.5)).abs() < 0.02, "{mean}");
        assert_eq!(poisson(0.0, &mut rng), 0);
    }
}
