//! `bascule simulate --samples`: the trail behind the simulation's figures.

mod common;

use common::{assert_refused, bascule, temp_file};
use serde_json::Value;

#[test]
fn the_samples_mean_and_p95_are_the_simulations_own() {
    let scenario = temp_file("samples.json", &bascule(&["defaults"]).stdout);
    let scenario = scenario.to_str().expect("path");
    let csv = temp_file("trials.csv", b"");
    let output = bascule(&[
        "simulate",
        scenario,
        "--trials",
        "3000",
        "--seed",
        "7",
        "--format",
        "json",
        "--samples",
        csv.to_str().expect("path"),
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: Value = serde_json::from_slice(&output.stdout).expect("json");
    let text = std::fs::read_to_string(&csv).expect("written");
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some(
            "trial,net_benefit_npv,public_npv_cost,public_npv_loss,hybrid_npv_cost,hybrid_npv_loss,\
             public_loss_year_5,hybrid_loss_year_5"
        )
    );
    let rows: Vec<Vec<f64>> = lines
        .map(|line| {
            line.split(',')
                .map(|v| v.parse().expect("a number"))
                .collect()
        })
        .collect();
    assert_eq!(rows.len(), 3000);
    assert!(
        rows.iter()
            .enumerate()
            .all(|(i, r)| r.len() == 8 && r[0] == (i + 1) as f64)
    );
    let column = |k: usize| rows.iter().map(|r| r[k]).collect::<Vec<f64>>();
    let mean = |values: &[f64]| values.iter().sum::<f64>() / values.len() as f64;
    // Section 6's percentile: the value at rank ⌈q·T/100⌉ of the sorted values.
    let p95 = |mut values: Vec<f64>| {
        values.sort_by(f64::total_cmp);
        values[(95 * values.len()).div_ceil(100) - 1]
    };
    let figure = |path: &[&str]| {
        path.iter()
            .fold(&report, |v, k| &v[*k])
            .as_f64()
            .unwrap_or(f64::NAN)
    };
    let cents = |v: f64| (v * 100.0).round();
    let net = column(1);
    assert_eq!(cents(mean(&net)), cents(figure(&["net_benefit", "mean"])));
    assert_eq!(p95(net.clone()), figure(&["net_benefit", "p95"]));
    for (k, option) in [(3, "public"), (5, "hybrid")] {
        assert_eq!(
            cents(mean(&column(k))),
            cents(figure(&["options", option, "npv_loss", "mean"]))
        );
        assert_eq!(
            p95(column(k)),
            figure(&["options", option, "npv_loss", "p95"])
        );
    }
    for (k, option) in [(6, "public"), (7, "hybrid")] {
        assert_eq!(
            cents(mean(&column(k))),
            cents(figure(&["options", option, "annual_loss", "mean"]))
        );
        assert_eq!(
            p95(column(k)),
            figure(&["options", option, "annual_loss", "p95"])
        );
    }
    // Each row adds up: net = (cost + loss) public − (cost + loss) hybrid.
    for r in &rows {
        assert!((r[1] - ((r[2] + r[3]) - (r[4] + r[5]))).abs() < 1e-6 * r[2].abs().max(1.0));
    }
}

#[test]
fn samples_into_a_missing_folder_is_refused_at_the_flag() {
    let scenario = temp_file("samples-bad.json", &bascule(&["defaults"]).stdout);
    assert_refused(
        &bascule(&[
            "simulate",
            scenario.to_str().expect("path"),
            "--trials",
            "1000",
            "--samples",
            "/nonexistent/folder/t.csv",
        ]),
        "--samples",
    );
}
