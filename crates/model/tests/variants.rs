//! The Cigref variants: valid files whose figures are the model's own at that share moved.
#![allow(clippy::panic)]

use bascule_model::reference::reference_scenario;
use bascule_model::variants::{cigref_variants, with_moved_share};
use bascule_model::{Language, evaluate_scenario, parse_scenario};
use rust_decimal_macros::dec;

#[test]
fn cigref_variants_are_the_sensitivity_points_of_the_share_moved() {
    let scenario = reference_scenario(Language::Fr).expect("reference");
    let evaluation = evaluate_scenario(&scenario);
    let row = evaluation
        .sensitivity
        .iter()
        .find(|r| r.path == "migration.moved_share_pct")
        .expect("a moved-share row");
    assert_eq!((row.low, row.high), (dec!(20), dec!(25)));
    let variants = cigref_variants(&scenario);
    assert_eq!(variants.len(), 2);
    let at_20 = evaluate_scenario(&variants[0]).figures.net_benefit_npv;
    let at_25 = evaluate_scenario(&variants[1]).figures.net_benefit_npv;
    // Equal to the micro-euro: the coverage goes through the file as a percentage.
    let six = |v| bascule_model::present::rounded(v, 6);
    assert_eq!(six(at_20), six(row.net_benefit_at_low));
    assert_eq!(six(at_25), six(row.net_benefit_at_high));
    assert!(
        variants[0].name.ends_with("— variante 20 %"),
        "{}",
        variants[0].name
    );
}

#[test]
fn a_variant_is_a_valid_file_with_coverage_following_the_share() {
    let scenario = reference_scenario(Language::En).expect("reference");
    // 1 − (1 − 0.8)^(20/22.5) = 0.76084…: fewer users, a little less of the sensitive data.
    let variant = with_moved_share(&scenario, dec!(20));
    let coverage = variant.migration.sensitive_data_coverage_pct.value;
    assert!(
        coverage > dec!(76.08) && coverage < dec!(76.09),
        "{coverage}"
    );
    let text = serde_json::to_string(&variant).expect("serialise");
    let read = parse_scenario(&text).expect("a variant is a valid scenario file");
    assert_eq!(read, variant);
    assert!(variant.name.ends_with("— 20 % variant"));
}

#[test]
fn a_share_outside_the_range_widens_it_and_a_long_name_is_shortened() {
    let mut scenario = reference_scenario(Language::Fr).expect("reference");
    scenario.name = "n".repeat(200);
    let variant = with_moved_share(&scenario, dec!(60));
    let range = variant.migration.moved_share_pct.range.expect("range kept");
    assert_eq!((range.low, range.high), (dec!(20), dec!(60)));
    assert_eq!(variant.name.chars().count(), 200);
    let text = serde_json::to_string(&variant).expect("serialise");
    assert!(parse_scenario(&text).is_ok());
    let nothing_moved = with_moved_share(&scenario, dec!(0));
    assert_eq!(
        nothing_moved.migration.sensitive_data_coverage_pct.value,
        dec!(0)
    );
}
