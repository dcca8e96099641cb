//! Variants of a scenario at another share moved (model.md section 7): the Cigref 20 % and
//! 25 % variants the compare screen offers in one click, as scenario files of their own.

use crate::inputs::coverage_following;
use crate::scenario::{Assumption, Language, Range, Scenario};
use rust_decimal::Decimal;

/// The two ends of Cigref's estimate (communiqué of 22 June 2022): 20 % to 25 % of a
/// collaboration suite's users need a trusted solution.
pub const CIGREF_SHARES_PCT: [u32; 2] = [20, 25];

/// `scenario` with the share moved at `share_pct`, the coverage following it as model.md
/// section 7 says (the first users moved hold the most sensitive data), and the name
/// saying which variant it is. A range that no longer holds the value is widened to it,
/// so that the variant is a valid file with the same sensitivity rows.
pub fn with_moved_share(scenario: &Scenario, share_pct: Decimal) -> Scenario {
    let mut variant = scenario.clone();
    let migration = &mut variant.migration;
    let hundred = Decimal::ONE_HUNDRED;
    let coverage = coverage_following(
        migration.sensitive_data_coverage_pct.value / hundred,
        migration.moved_share_pct.value / hundred,
        share_pct / hundred,
    );
    set_keeping_range(&mut migration.moved_share_pct, share_pct);
    set_keeping_range(
        &mut migration.sensitive_data_coverage_pct,
        (coverage * hundred).normalize(),
    );
    let label = match scenario.language {
        Language::Fr => format!("variante {} %", share_pct.normalize()),
        Language::En => format!("{} % variant", share_pct.normalize()),
    };
    variant.name = variant_name(&scenario.name, &label);
    variant
}

/// The Cigref 20 % and 25 % variants of `scenario`.
pub fn cigref_variants(scenario: &Scenario) -> Vec<Scenario> {
    CIGREF_SHARES_PCT
        .iter()
        .map(|&share| with_moved_share(scenario, Decimal::from(share)))
        .collect()
}

fn set_keeping_range(assumption: &mut Assumption, value: Decimal) {
    assumption.value = value;
    if let Some(range) = assumption.range.as_mut() {
        *range = Range {
            low: range.low.min(value),
            high: range.high.max(value),
        };
    }
}

/// `name — label`, shortened so that it stays within the 200 characters a name may have.
fn variant_name(name: &str, label: &str) -> String {
    let suffix = format!(" — {label}");
    let room = 200usize.saturating_sub(suffix.chars().count());
    let kept: String = name.chars().take(room).collect();
    format!("{}{suffix}", kept.trim_end())
}
