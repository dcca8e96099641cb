//! The JSON Schema in `schema/scenario.schema.json` is the one the code generates, so that
//! analysts' editors complete and check exactly what `bascule evaluate` accepts.
//! Regenerate with `BASCULE_BLESS=1 cargo test -p bascule-model --test schema`.
#![allow(clippy::panic)] // a test helper that fails, fails the test

use std::path::Path;

#[test]
fn the_committed_schema_is_current() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schema/scenario.schema.json");
    let generated = serde_json::to_string_pretty(&bascule_model::scenario_schema())
        .expect("schema serialises")
        + "\n";
    if std::env::var_os("BASCULE_BLESS").is_some() {
        std::fs::write(&path, &generated).expect("schema written");
    }
    let committed = std::fs::read_to_string(&path).expect("schema/scenario.schema.json exists");
    assert!(
        committed == generated,
        "schema/scenario.schema.json is stale: run BASCULE_BLESS=1 cargo test -p bascule-model --test schema"
    );
}

#[test]
fn the_schema_carries_the_bounds_of_model_md() {
    let schema = bascule_model::scenario_schema();
    let horizon = &schema["properties"]["horizon_years"];
    assert_eq!(
        (horizon["minimum"].as_i64(), horizon["maximum"].as_i64()),
        (Some(1), Some(15))
    );
    let discount = &schema["$defs"]["PublicSuite"]["properties"]["discount_pct"]["anyOf"][0];
    assert_eq!(
        (
            discount["minimum"].as_i64(),
            discount["exclusiveMaximum"].as_i64()
        ),
        (Some(0), Some(100))
    );
    let loss =
        &schema["$defs"]["Risk"]["properties"]["loss_low_eur"]["anyOf"][1]["properties"]["low"];
    assert_eq!(loss["exclusiveMinimum"].as_i64(), Some(0));
    let required = schema["required"].as_array().expect("required list");
    assert!(
        !required
            .iter()
            .any(|r| r == "language" || r == "inflation_pct_per_year" || r == "simulation")
    );
}
