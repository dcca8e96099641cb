//! The scenario, format `bascule.scenario` version 2 (model.md section 3; version 1 is
//! read with version 2's defaults), once read and checked. Values here are always valid: the only way in is [`crate::read`].

use crate::bounds;
use crate::number::shortest;
use crate::sensitivity::Target;
use rust_decimal::Decimal;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};
use std::borrow::Cow;

/// The only value of the `format` field.
pub const FORMAT: &str = "bascule.scenario";
/// The version of the format this model writes.
pub const FORMAT_VERSION: u32 = 2;
/// Every version this model reads.
pub const READ_VERSIONS: [u32; 2] = [1, 2];
/// A decimal written as a JSON string (model.md section 2).
pub const DECIMAL_PATTERN: &str = r"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$";
/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
pub const SOURCE_DATE_PATTERN: &str = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$";

/// A scenario: one organisation, one public suite, one trusted offer, one migration plan, risks.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Bascule scenario, format version 2")]
pub struct Scenario {
    /// Always "bascule.scenario".
    pub format: Format,
    /// 2 (a version-1 file is read with version 2's defaults and written as version 2).
    /// Held here as the version the file was read from, for its `source_sha256`.
    #[serde(serialize_with = "write_format_version")]
    #[schemars(extend("enum" = [1, 2]))]
    pub version: u32,
    /// The scenario's name (1 to 200 characters).
    #[schemars(length(min = 1, max = 200))]
    pub name: String,
    /// The language of messages and of the briefing.
    #[serde(default)]
    pub language: Language,
    pub organisation: Organisation,
    /// Years compared, H (1 to 15).
    #[schemars(transform = bounds::HORIZON_YEARS.schema())]
    pub horizon_years: u32,
    /// Nominal discount rate r, % per year (0 to 30).
    #[schemars(transform = Target::DiscountRate.spec().bounds.schema())]
    pub discount_rate_pct: Assumption,
    /// Inflation i, % per year (−5 to 20), applied to every amount that is not a licence price.
    #[serde(default = "default_inflation")]
    #[schemars(transform = Target::Inflation.spec().bounds.schema())]
    pub inflation_pct_per_year: Assumption,
    pub public_suite: PublicSuite,
    pub trusted_offer: TrustedOffer,
    pub migration: Migration,
    /// Up to 64 risks, ids unique.
    #[schemars(length(max = 64))]
    pub risks: Vec<Risk>,
    /// The board's stated appetite for risk (model.md section 12).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub risk_appetite: Option<RiskAppetite>,
    /// Monte Carlo settings.
    #[serde(default)]
    pub simulation: Simulation,
    /// Sources of the file's own (a pack's, an analyst's) that its assumptions cite beside
    /// Bascule's bibliography; up to 200, ids unique and not Bascule's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(length(max = 200))]
    pub bibliography: Vec<crate::bibliography::Source>,
}

fn write_format_version<S: Serializer>(_: &u32, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_u32(FORMAT_VERSION)
}

/// The board's tolerance curve: "no more than a 5 % chance in any year of losing €10 M".
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RiskAppetite {
    /// 1 to 10 points, losses strictly increasing, probabilities non-increasing.
    #[schemars(length(min = 1, max = 10))]
    pub tolerance_curve: Vec<TolerancePoint>,
}

/// One point of the tolerance curve: at most `max_probability_pct` % a year of losing
/// `loss_eur` (year-1 euros) or more.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TolerancePoint {
    /// More than 0, up to 1e13 €.
    #[serde(serialize_with = "write_decimal")]
    #[schemars(with = "DecimalText", transform = bounds::LOSS.schema())]
    pub loss_eur: Decimal,
    /// More than 0, up to 100 %.
    #[serde(serialize_with = "write_decimal")]
    #[schemars(with = "DecimalText", transform = bounds::TOLERANCE_PROBABILITY.schema())]
    pub max_probability_pct: Decimal,
}

fn write_decimal<S: Serializer>(value: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&shortest(*value))
}

/// A bare decimal (no range, no source): a JSON number or a string read exactly.
struct DecimalText;

impl JsonSchema for DecimalText {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "Decimal".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": ["number", "string"],
            "pattern": DECIMAL_PATTERN,
            "description": "a decimal: a JSON number, or a string such as \"22.5\" read exactly"
        })
    }
}

fn default_inflation() -> Assumption {
    Assumption::from(Decimal::TWO)
}

/// The format tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
pub enum Format {
    #[serde(rename = "bascule.scenario")]
    Scenario,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    Fr,
    En,
}

impl Language {
    /// The language of a system locale (`en-GB`, `en_US.UTF-8`, `fr-FR`, `C`): English
    /// when it says so, French otherwise (Bascule's first language).
    pub fn from_locale(locale: &str) -> Language {
        if locale
            .get(..2)
            .is_some_and(|l| l.eq_ignore_ascii_case("en"))
        {
            Language::En
        } else {
            Language::Fr
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Language::Fr => "fr",
            Language::En => "en",
        }
    }
}

#[cfg(test)]
mod language_tests {
    use super::Language;

    #[test]
    fn a_system_locale_is_english_only_when_it_says_so() {
        for english in ["en", "en-GB", "en_US.UTF-8", "EN-us"] {
            assert_eq!(Language::from_locale(english), Language::En, "{english}");
        }
        for french in ["fr-FR", "fr_CA.UTF-8", "de-DE", "C", "POSIX", "", "e"] {
            assert_eq!(Language::from_locale(french), Language::Fr, "{french}");
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    /// 1 to 200 characters.
    #[schemars(length(min = 1, max = 200))]
    pub name: String,
    /// Descriptive in model version 1.
    pub sector: Sector,
    /// Users of the suite, N (1 to 10,000,000).
    #[schemars(transform = bounds::USERS.schema())]
    pub users: u32,
    /// Annual revenue in euros (0 to 1e13); descriptive in model version 1.
    #[schemars(transform = Target::Revenue.spec().bounds.schema())]
    pub annual_revenue_eur: Assumption,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Sector {
    State,
    CriticalOperator,
    Regulated,
    Private,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PublicSuite {
    /// 1 to 8 plans whose shares sum to exactly 100.
    #[schemars(length(min = 1, max = 8))]
    pub plans: Vec<Plan>,
    /// Discount off list price, % (0 to less than 100).
    #[schemars(transform = Target::SuiteDiscount.spec().bounds.schema())]
    pub discount_pct: Assumption,
    /// Yearly change of the public list price, % (−50 to 100).
    #[schemars(transform = Target::PublicEscalation.spec().bounds.schema())]
    pub escalation_pct_per_year: Assumption,
    /// What keeping sensitive data on the public suite costs each year, € (customer-held
    /// keys, double-key encryption, transfer impact assessments, audits); 0 to 1e10.
    #[serde(default)]
    #[schemars(transform = Target::Controls.spec().bounds.schema())]
    pub sensitive_data_controls_eur_per_year: Assumption,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// 1 to 200 characters.
    #[schemars(length(min = 1, max = 200))]
    pub name: String,
    /// List price, € per user per month (0 to 1,000,000).
    #[schemars(transform = Target::PlanPrice(0).spec().bounds.schema())]
    pub list_price_eur_per_user_month: Assumption,
    /// Share of the users on this plan, % (0 to 100).
    #[schemars(transform = Target::PlanShare(0).spec().bounds.schema())]
    pub share_pct: Assumption,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TrustedOffer {
    /// 1 to 200 characters.
    #[schemars(length(min = 1, max = 200))]
    pub name: String,
    /// The all-in extra price of a moved user over what is paid today for the same plan,
    /// after discounts, including any public licences the user keeps; % (−90 to 500).
    #[schemars(transform = Target::Premium.spec().bounds.schema())]
    pub premium_pct: Assumption,
    /// Yearly change of the trusted price, % (−50 to 100).
    #[schemars(transform = Target::TrustedEscalation.spec().bounds.schema())]
    pub escalation_pct_per_year: Assumption,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Migration {
    /// Share of the users moved to the trusted offer, s, % (0 to 100).
    #[schemars(transform = Target::MovedShare.spec().bounds.schema())]
    pub moved_share_pct: Assumption,
    /// Share of the organisation's sensitive data that the moved users hold, c, % (0 to 100).
    #[schemars(transform = Target::Coverage.spec().bounds.schema())]
    pub sensitive_data_coverage_pct: Assumption,
    /// Cumulative share of the moved users in place at the end of year 1, 2, … (%):
    /// non-decreasing, the last exactly 100 with no range; 1 to 15 entries.
    #[schemars(length(min = 1, max = 15), transform = Target::Ramp(0).spec().bounds.schema())]
    pub ramp_pct_by_year: Vec<Assumption>,
    /// Tools, integrator and internal work per migrated user, € (0 to 1,000,000).
    #[schemars(transform = Target::MigrationCost.spec().bounds.schema())]
    pub cost_per_user_eur: Assumption,
    /// Training and change management per migrated user, € (0 to 1,000,000).
    #[schemars(transform = Target::Training.spec().bounds.schema())]
    pub training_per_user_eur: Assumption,
    /// Hours of work lost per migrated user at cut-over (0 to 2000).
    #[schemars(transform = Target::Hours.spec().bounds.schema())]
    pub productivity_loss_hours_per_user: Assumption,
    /// Fully loaded cost of an hour of work, € (0 to 1,000,000).
    #[schemars(transform = Target::HourlyCost.spec().bounds.schema())]
    pub loaded_hourly_cost_eur: Assumption,
    /// Fixed project cost, € (0 to 1e10), spread as the ramp goes.
    #[schemars(transform = Target::FixedProject.spec().bounds.schema())]
    pub project_fixed_cost_eur: Assumption,
    /// Months a moved user's public licence is still paid after cut-over, including
    /// commitments that cannot be reduced before their anniversary (0 to 24).
    #[schemars(transform = Target::DualRun.spec().bounds.schema())]
    pub dual_run_months: Assumption,
    /// Running two estates, € per moved user per month (0 to 1,000,000).
    #[schemars(transform = Target::TwoEstateOps.spec().bounds.schema())]
    pub two_estate_ops_eur_per_moved_user_month: Assumption,
    /// The share of users an obligation makes move whatever the figures say (SREN art. 31
    /// for a State body's sensitive data, a sector rule, a contract), % (0 to 100; default
    /// 0). A bare number: an obligation has no range.
    #[serde(serialize_with = "write_decimal")]
    #[schemars(with = "DecimalText", transform = bounds::PERCENT.schema())]
    pub required_share_pct: Decimal,
    /// Where the obligation comes from (a law, a rule, a contract).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = 10_000))]
    pub required_share_source: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Risk {
    /// Lower-case letters, digits and underscores, 1 to 64 characters.
    #[schemars(regex(pattern = r"^[a-z0-9_]{1,64}$"))]
    pub id: String,
    /// 1 to 200 characters.
    #[schemars(length(min = 1, max = 200))]
    pub name: String,
    /// Expected events per year (a rate, not a probability), 0 to 100. For a
    /// during_migration_only risk: the expected events over the whole migration.
    #[schemars(transform = Target::RiskRate(0).spec().bounds.schema())]
    pub annual_rate: Assumption,
    /// 5th percentile of the loss of ONE event, year-1 € (more than 0, up to 1e13).
    #[schemars(transform = Target::LossLow(0).spec().bounds.schema())]
    pub loss_low_eur: Assumption,
    /// 95th percentile of the loss of ONE event, year-1 € (at least loss_low_eur, at most
    /// 1000 × loss_low_eur and 1e13).
    #[schemars(transform = Target::LossHigh(0).spec().bounds.schema())]
    pub loss_high_eur: Assumption,
    pub exposure: Exposure,
    /// Factor on the rate for the part of the exposure that moves (0 to 10, default 1);
    /// not allowed on an "introduced" risk.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(transform = Target::Multiplier(0).spec().bounds.schema())]
    pub trusted_multiplier: Option<Assumption>,
    /// Only for "introduced" risks: the rate counts events over the whole migration.
    #[serde(default)]
    pub during_migration_only: bool,
    /// Only for "introduced" risks (default true there): at another share moved, the loss
    /// bounds follow the share (feature lag, slippage and overrun grow with the users
    /// moved); false for a loss of fixed size. Absent on other risks.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scales_with_share: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"))]
    pub source_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Confidence>,
    /// Ids of the bibliography entries the risk's description rests on (up to 16).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(length(max = 16), inner(regex(pattern = r"^[a-z0-9_]{1,64}$")))]
    pub cites: Vec<String>,
}

impl Risk {
    /// The factor on the rate of the part that moves (1 when not given).
    pub fn multiplier(&self) -> Decimal {
        self.trusted_multiplier
            .as_ref()
            .map_or(Decimal::ONE, |m| m.value)
    }

    /// Whether the loss bounds follow the share moved (model.md section 7).
    pub fn scales(&self) -> bool {
        self.exposure == Exposure::Introduced && self.scales_with_share.unwrap_or(true)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Exposure {
    /// Scales with the share of sensitive data moved.
    SensitiveData,
    /// Scales with the share of users moved.
    MovedUsers,
    /// Brought by the move itself: zero for the public option.
    Introduced,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Simulation {
    /// Simulated horizons (1000 to 2,000,000).
    #[schemars(transform = bounds::TRIALS.schema())]
    pub trials: u32,
    /// Seed of the random numbers (0 to 2^53 − 1).
    #[schemars(transform = bounds::SEED.schema())]
    pub seed: u64,
    /// Draws of the assumptions for the uncertainty analysis (10,000 to 200,000).
    #[schemars(transform = bounds::PSA_DRAWS.schema())]
    pub psa_draws: u32,
}

impl Default for Simulation {
    fn default() -> Self {
        Simulation {
            trials: 100_000,
            seed: 20_220_622,
            psa_draws: 10_000,
        }
    }
}

/// How far a value can be trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    /// Found in a cited source.
    Verified,
    /// Worked out from verified figures.
    Derived,
    /// A single secondary or marketing source.
    Weak,
    /// No source: someone's judgment.
    Judgment,
}

/// A numeric input with, optionally, the range that feeds the sensitivity analysis and
/// the source that feeds the assumptions register.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Assumption {
    pub value: Decimal,
    pub range: Option<Range>,
    pub source: Option<String>,
    pub source_date: Option<String>,
    pub confidence: Option<Confidence>,
    /// Ids of the bibliography entries the value rests on (`source` says how).
    pub cites: Vec<String>,
}

/// Low and high plausible values, `low ≤ value ≤ high`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Range {
    pub low: Decimal,
    pub high: Decimal,
}

impl From<Decimal> for Assumption {
    fn from(value: Decimal) -> Self {
        Assumption {
            value,
            ..Assumption::default()
        }
    }
}

impl Assumption {
    /// The value as a fraction: a file's `22.5` (%) is `0.225`.
    pub fn fraction(&self) -> Decimal {
        self.value / Decimal::ONE_HUNDRED
    }
}

/// Written as an object with exactly its present keys, decimals as shortest strings:
/// the form `bascule defaults` prints and the scenario hash is taken of.
impl Serialize for Assumption {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("value", &shortest(self.value))?;
        if let Some(range) = &self.range {
            map.serialize_entry("low", &shortest(range.low))?;
            map.serialize_entry("high", &shortest(range.high))?;
        }
        if let Some(source) = &self.source {
            map.serialize_entry("source", source)?;
        }
        if let Some(date) = &self.source_date {
            map.serialize_entry("source_date", date)?;
        }
        if let Some(confidence) = &self.confidence {
            map.serialize_entry("confidence", confidence)?;
        }
        if !self.cites.is_empty() {
            map.serialize_entry("cites", &self.cites)?;
        }
        map.end()
    }
}

impl JsonSchema for Assumption {
    fn inline_schema() -> bool {
        // Inline, so that each field's bounds land on its own copy.
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "Assumption".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let decimal = serde_json::json!({
            "type": ["number", "string"],
            "pattern": DECIMAL_PATTERN,
            "description": "a decimal: a JSON number, or a string such as \"22.5\" read exactly"
        });
        json_schema!({
            "description": "An assumption: a bare decimal, or an object with its range and source.",
            "anyOf": [
                decimal.clone(),
                {
                    "type": "object",
                    "properties": {
                        "value": decimal.clone(),
                        "low": decimal.clone(),
                        "high": decimal,
                        "source": { "type": "string", "maxLength": bounds::SOURCE_CHARS.1 },
                        "source_date": { "type": "string", "pattern": SOURCE_DATE_PATTERN },
                        "confidence": { "enum": ["verified", "derived", "weak", "judgment"] },
                        "cites": {
                            "description": "ids of the bibliography entries the value rests on",
                            "type": "array",
                            "items": { "type": "string", "pattern": crate::bibliography::ID_PATTERN },
                            "maxItems": bounds::CITES_MAX
                        }
                    },
                    "required": ["value"],
                    "dependentRequired": { "low": ["high"], "high": ["low"] },
                    "additionalProperties": false
                }
            ]
        })
    }
}
