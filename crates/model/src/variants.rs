//! Variants of a scenario at another share moved (model.md section 7): the Cigref 20 % and
//! 25 % variants the compare screen offers in one click, as scenario files of their own.

use crate::bounds;
use crate::inputs::coverage_following;
use crate::scenario::{Assumption, Language, Range, Scenario};
use rust_decimal::{Decimal, RoundingStrategy};

/// The two ends of Cigref's estimate (communiqué of 22 June 2022): 20 % to 25 % of a
/// collaboration suite's users need a trusted solution.
pub const CIGREF_SHARES_PCT: [u32; 2] = [20, 25];

/// `scenario` with the share moved at `share_pct`, the coverage and the introduced risks'
/// losses following it as model.md section 7 says (the first users moved hold the most
/// sensitive data; feature lag, slippage and overrun grow with the users moved), and the
/// name saying which variant it is. A range that no longer holds the value is widened to it,
/// so that the variant is a valid file with the same sensitivity rows.
pub fn with_moved_share(scenario: &Scenario, share_pct: Decimal) -> Scenario {
    let mut variant = moved_to(scenario, share_pct);
    let label = match scenario.language {
        Language::Fr => format!("variante {} %", share_pct.normalize()),
        Language::En => format!("{} % variant", share_pct.normalize()),
    };
    variant.name = variant_name(&scenario.name, &label);
    variant
}

/// `scenario` itself moved to `share_pct`, coverage and introduced risks following (as
/// [`with_moved_share`], the name kept): what choosing a share on the frontier does, so that
/// the scenario then evaluates to the frontier's figures at that share.
pub fn moved_to(scenario: &Scenario, share_pct: Decimal) -> Scenario {
    let mut variant = scenario.clone();
    let migration = &mut variant.migration;
    let hundred = Decimal::ONE_HUNDRED;
    let coverage = coverage_following(
        migration.sensitive_data_coverage_pct.value / hundred,
        migration.moved_share_pct.value / hundred,
        share_pct / hundred,
    );
    let before = migration.moved_share_pct.value;
    if !before.is_zero() && !share_pct.is_zero() && share_pct != before {
        let scale = share_pct / before;
        for risk in variant.risks.iter_mut().filter(|r| r.scales()) {
            scale_assumption(&mut risk.loss_low_eur, scale);
            scale_assumption(&mut risk.loss_high_eur, scale);
        }
    }
    let migration = &mut variant.migration;
    set_keeping_range(&mut migration.moved_share_pct, share_pct);
    set_keeping_range(
        &mut migration.sensitive_data_coverage_pct,
        (coverage * hundred).normalize(),
    );
    variant
}

/// The Cigref 20 % and 25 % variants of `scenario`.
pub fn cigref_variants(scenario: &Scenario) -> Vec<Scenario> {
    CIGREF_SHARES_PCT
        .iter()
        .map(|&share| with_moved_share(scenario, Decimal::from(share)))
        .collect()
}

/// A loss bound times `scale`, within the field's range and the 28 significant digits a
/// file may hold, so that the variant stays a valid file whose figures are the model's at
/// that share (to the micro-euro: the sensitivity point scales the same bounds).
fn scale_assumption(assumption: &mut Assumption, scale: Decimal) {
    let scaled = |value: Decimal| {
        let product = value * scale;
        product
            .round_sf_with_strategy(28, RoundingStrategy::MidpointAwayFromZero)
            .unwrap_or(product)
            .clamp(Decimal::new(1, 2), bounds::LOSS.max)
            .normalize()
    };
    assumption.value = scaled(assumption.value);
    if let Some(range) = assumption.range.as_mut() {
        range.low = scaled(range.low);
        range.high = scaled(range.high);
    }
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
