//! The editor's form, described once here for the app to draw: every input of the format,
//! grouped as product.md says, in the user's language. An assumption's label, unit and
//! default come from the registry; the form only says where it goes.

use crate::bounds;
use crate::present::{capitalised, unit_text};
use crate::registry::Words;
use crate::scenario::{Confidence, Language};
use crate::sensitivity::{Target, Unit};
use schemars::JsonSchema;
use serde::Serialize;

/// How a field is edited.
#[derive(Debug, Clone, Copy)]
enum Control {
    Text,
    Select(&'static [Choice]),
    Integer,
    /// A bare number (no range, no source).
    Decimal,
    Bool,
    Assumption(Target),
    /// A list whose rows are the listed fields, `[min, max]` rows.
    List(List, (usize, usize), &'static [Item]),
}

#[derive(Debug, Clone, Copy)]
enum List {
    Plans,
    Ramp,
    Risks,
}

#[derive(Debug, Clone, Copy)]
struct Item {
    /// From the group's object, or from the row for a list's field.
    key: &'static str,
    control: Control,
    /// `None` for an assumption: the registry's.
    label: Option<Words>,
    unit: Option<Unit>,
    /// What the model takes when the field is left empty.
    fallback: Option<&'static str>,
}

const fn item(key: &'static str, control: Control, label: Words) -> Item {
    Item {
        key,
        control,
        label: Some(label),
        unit: None,
        fallback: None,
    }
}

const fn assumption(target: Target) -> Item {
    Item {
        key: "",
        control: Control::Assumption(target),
        label: None,
        unit: None,
        fallback: None,
    }
}

impl Item {
    const fn unit(self, unit: Unit) -> Item {
        Item {
            unit: Some(unit),
            ..self
        }
    }

    const fn fallback(self, fallback: &'static str) -> Item {
        Item {
            fallback: Some(fallback),
            ..self
        }
    }
}

/// One value of a choice, as the file writes it, and what the user reads for it.
#[derive(Debug, Clone, Copy)]
pub struct Choice {
    pub value: &'static str,
    pub label: Words,
}

const fn choice(value: &'static str, fr: &'static str, en: &'static str) -> Choice {
    Choice {
        value,
        label: Words::new(fr, en),
    }
}

/// The format's choices (a test holds their values to the scenario's enums).
pub const LANGUAGES: &[Choice] = &[
    choice("fr", "Français", "French"),
    choice("en", "Anglais", "English"),
];
pub const SECTORS: &[Choice] = &[
    choice("state", "État", "State"),
    choice(
        "critical_operator",
        "Opérateur d'importance vitale",
        "Critical operator",
    ),
    choice("regulated", "Secteur régulé", "Regulated sector"),
    choice("private", "Entreprise privée", "Private company"),
];
pub const EXPOSURES: &[Choice] = &[
    choice("sensitive_data", "Données sensibles", "Sensitive data"),
    choice("moved_users", "Utilisateurs basculés", "Moved users"),
    choice(
        "introduced",
        "Introduit par la bascule",
        "Introduced by moving",
    ),
];
/// `""`: no confidence given.
pub const CONFIDENCES: &[Choice] = &[
    choice("", "—", "—"),
    choice("verified", "vérifiée", "verified"),
    choice("derived", "dérivée", "derived"),
    choice("weak", "faible", "weak"),
    choice("judgment", "jugement", "judgment"),
];

impl Confidence {
    /// What the user reads for this level, in the editor, the workbook and the briefing.
    pub fn label(self, language: Language) -> &'static str {
        let value = match self {
            Confidence::Verified => "verified",
            Confidence::Derived => "derived",
            Confidence::Weak => "weak",
            Confidence::Judgment => "judgment",
        };
        CONFIDENCES
            .iter()
            .find(|c| c.value == value)
            .map_or(value, |c| c.label.get(language))
    }
}

const PLAN: &[Item] = &[
    item("name", Control::Text, Words::new("Offre", "Plan")),
    assumption(Target::PlanPrice(0)),
    assumption(Target::PlanShare(0)),
];

const RAMP_YEAR: &[Item] = &[assumption(Target::Ramp(0))];

const RISK: &[Item] = &[
    item("id", Control::Text, Words::new("Identifiant", "Identifier")),
    item(
        "name",
        Control::Text,
        Words::new("Nom du risque", "Risk name"),
    ),
    assumption(Target::RiskRate(0)),
    assumption(Target::LossLow(0)),
    assumption(Target::LossHigh(0)),
    item(
        "exposure",
        Control::Select(EXPOSURES),
        Words::new("Exposition", "Exposure"),
    ),
    assumption(Target::Multiplier(0)),
    item(
        "during_migration_only",
        Control::Bool,
        Words::new("Seulement pendant la bascule", "Only during the migration"),
    ),
    item(
        "scales_with_share",
        Control::Bool,
        Words::new(
            "Pertes proportionnelles à la part basculée",
            "Losses grow with the share moved",
        ),
    ),
    item("source", Control::Text, Words::new("Source", "Source")),
    item(
        "source_date",
        Control::Text,
        Words::new("Date de la source (AAAA-MM-JJ)", "Source date (YYYY-MM-DD)"),
    ),
    item(
        "confidence",
        Control::Select(CONFIDENCES),
        Words::new("Confiance", "Confidence"),
    ),
];

/// The groups, in the order product.md gives.
const GROUPS: &[(Words, &str, &[Item])] = &[
    (
        Words::new("Scénario", "Scenario"),
        "",
        &[
            item(
                "name",
                Control::Text,
                Words::new("Nom du scénario", "Scenario name"),
            ),
            item(
                "language",
                Control::Select(LANGUAGES),
                Words::new("Langue du scénario", "Scenario language"),
            ),
        ],
    ),
    (
        Words::new("Organisation", "Organisation"),
        "organisation",
        &[
            item(
                "name",
                Control::Text,
                Words::new("Nom de l'organisation", "Organisation name"),
            ),
            item(
                "sector",
                Control::Select(SECTORS),
                Words::new("Secteur", "Sector"),
            ),
            item(
                "users",
                Control::Integer,
                Words::new("Utilisateurs de la suite", "Users of the suite"),
            )
            .unit(Unit::Users),
            assumption(Target::Revenue),
        ],
    ),
    (
        Words::new("Horizon et actualisation", "Horizon and discounting"),
        "",
        &[
            item(
                "horizon_years",
                Control::Integer,
                Words::new("Horizon", "Horizon"),
            )
            .unit(Unit::Years),
            assumption(Target::DiscountRate),
            assumption(Target::Inflation),
        ],
    ),
    (
        Words::new("Suite publique", "Public suite"),
        "public_suite",
        &[
            item(
                "plans",
                Control::List(List::Plans, bounds::PLANS, PLAN),
                Words::new(
                    "Offres et répartition des licences",
                    "Plans and licence mix",
                ),
            ),
            assumption(Target::SuiteDiscount),
            assumption(Target::PublicEscalation),
            assumption(Target::Controls),
        ],
    ),
    (
        Words::new("Offre de confiance", "Trusted offer"),
        "trusted_offer",
        &[
            item(
                "name",
                Control::Text,
                Words::new("Nom de l'offre", "Offer name"),
            ),
            assumption(Target::Premium),
            assumption(Target::TrustedEscalation),
        ],
    ),
    (
        Words::new("Bascule", "Migration"),
        "migration",
        &[
            assumption(Target::MovedShare),
            item(
                "required_share_pct",
                Control::Decimal,
                Words::new("Part imposée (obligation)", "Required share (obligation)"),
            )
            .unit(Unit::Percent)
            .fallback("0"),
            item(
                "required_share_source",
                Control::Text,
                Words::new("Source de l'obligation", "Source of the obligation"),
            ),
            assumption(Target::Coverage),
            item(
                "ramp_pct_by_year",
                Control::List(List::Ramp, bounds::RAMP_ENTRIES, RAMP_YEAR),
                Words::new("Rythme de bascule", "Migration ramp"),
            ),
            assumption(Target::MigrationCost),
            assumption(Target::Training),
            assumption(Target::Hours),
            assumption(Target::HourlyCost),
            assumption(Target::FixedProject),
            assumption(Target::DualRun),
            assumption(Target::TwoEstateOps),
        ],
    ),
    (
        Words::new("Risques", "Risks"),
        "",
        &[item(
            "risks",
            Control::List(List::Risks, bounds::RISKS, RISK),
            Words::new("Risques", "Risks"),
        )],
    ),
    (
        Words::new("Simulation", "Simulation"),
        "simulation",
        &[
            item(
                "trials",
                Control::Integer,
                Words::new("Tirages de la simulation", "Simulation trials"),
            )
            .unit(Unit::Trials)
            .fallback("100000"),
            item("seed", Control::Integer, Words::new("Graine", "Seed")).fallback("20220622"),
        ],
    ),
];

/// A group of the form, as the app draws it.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Group {
    pub title: &'static str,
    pub fields: Vec<Field>,
}

/// A choice as the editor offers it.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct FieldChoice {
    pub value: &'static str,
    pub label: &'static str,
}

/// One field: `path` from the scenario's root, or from its row within a list.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Field {
    pub path: String,
    /// `text`, `select`, `integer`, `decimal`, `bool`, `assumption`, or the list's kind
    /// (`plans`, `ramp`, `risks`).
    pub kind: &'static str,
    pub label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fallback: Option<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<FieldChoice>,
    /// A list's fewest and most rows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rows: Option<(usize, usize)>,
    /// A list's row.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<Field>,
}

/// The whole form in `language`.
pub fn form(language: Language) -> Vec<Group> {
    GROUPS
        .iter()
        .map(|(title, object, items)| Group {
            title: title.get(language),
            fields: items
                .iter()
                .map(|item| field(item, object, language))
                .collect(),
        })
        .collect()
}

fn field(item: &Item, object: &str, language: Language) -> Field {
    let join = |key: &str| match (object, key) {
        ("", key) | (key, "") => key.to_owned(),
        (object, key) => format!("{object}.{key}"),
    };
    let mut field = Field {
        path: join(item.key),
        kind: "text",
        label: item
            .label
            .map(|w| w.get(language).to_owned())
            .unwrap_or_default(),
        unit: item.unit.map(|u| unit_text(u, language)),
        fallback: item.fallback,
        options: Vec::new(),
        rows: None,
        fields: Vec::new(),
    };
    match item.control {
        Control::Text => {}
        Control::Select(choices) => {
            field.kind = "select";
            field.options = choices
                .iter()
                .map(|c| FieldChoice {
                    value: c.value,
                    label: c.label.get(language),
                })
                .collect();
        }
        Control::Integer => field.kind = "integer",
        Control::Decimal => field.kind = "decimal",
        Control::Bool => field.kind = "bool",
        Control::Assumption(target) => {
            let spec = target.spec();
            // A list's row holds its key (or, for the ramp, is the value itself).
            field.path = match (object, spec.path.split_once("[]")) {
                (_, Some((_, tail))) => tail.trim_start_matches('.').to_owned(),
                _ => spec.path.to_owned(),
            };
            field.kind = "assumption";
            // The table's words follow a plan's or a risk's name ("Risque X : fréquence");
            // on their own, as a form's label, they start with a capital.
            field.label = capitalised(spec.form_label().get(language));
            field.unit = Some(unit_text(spec.unit, language));
            field.fallback = spec.default;
        }
        Control::List(kind, rows, items) => {
            field.kind = match kind {
                List::Plans => "plans",
                List::Ramp => "ramp",
                List::Risks => "risks",
            };
            field.rows = Some(rows);
            field.fields = items.iter().map(|i| self::field(i, "", language)).collect();
        }
    }
    field
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::ASSUMPTIONS;
    use crate::scenario::{Confidence, Exposure, Sector};

    fn every_field(groups: &[Group]) -> Vec<(String, &Field)> {
        fn walk<'a>(prefix: &str, fields: &'a [Field], out: &mut Vec<(String, &'a Field)>) {
            for field in fields {
                let path = match (prefix, field.path.as_str()) {
                    (p, "") => format!("{p}[]"),
                    ("", f) => f.to_owned(),
                    (p, f) => format!("{p}[].{f}"),
                };
                walk(&path, &field.fields, out);
                out.push((path, field));
            }
        }
        let mut out = Vec::new();
        for group in groups {
            walk("", &group.fields, &mut out);
        }
        out
    }

    #[test]
    fn the_form_shows_every_assumption_of_the_registry_once_with_its_words() {
        for language in [Language::Fr, Language::En] {
            let groups = form(language);
            let fields = every_field(&groups);
            for spec in ASSUMPTIONS {
                let found: Vec<_> = fields.iter().filter(|(p, _)| p == spec.path).collect();
                assert_eq!(found.len(), 1, "{}", spec.path);
                let field = found[0].1;
                assert_eq!(field.kind, "assumption");
                assert_eq!(field.unit, Some(unit_text(spec.unit, language)));
                assert_eq!(field.fallback, spec.default);
                assert!(!field.label.is_empty());
            }
            assert!(
                fields
                    .iter()
                    .all(|(_, f)| !f.label.is_empty() || f.kind == "assumption")
            );
        }
        let french = form(Language::Fr);
        let field = every_field(&french)
            .into_iter()
            .find(|(p, _)| p == "risks[].annual_rate")
            .unwrap()
            .1
            .clone();
        assert_eq!(field.path, "annual_rate");
        assert_eq!(field.label, "Fréquence");
        assert_eq!(field.unit, Some("événements/an"));
    }

    #[test]
    fn the_choices_are_the_values_the_format_writes() {
        let written = |value: serde_json::Value| value.as_str().unwrap().to_owned();
        let sectors = [
            Sector::State,
            Sector::CriticalOperator,
            Sector::Regulated,
            Sector::Private,
        ];
        let sectors: Vec<_> = sectors
            .iter()
            .map(|s| written(serde_json::json!(s)))
            .collect();
        let values =
            |choices: &[Choice]| -> Vec<&str> { choices.iter().map(|c| c.value).collect() };
        assert_eq!(sectors, values(SECTORS));
        let languages: Vec<_> = [Language::Fr, Language::En]
            .iter()
            .map(|l| written(serde_json::json!(l)))
            .collect();
        assert_eq!(languages, values(LANGUAGES));
        let exposures = [
            Exposure::SensitiveData,
            Exposure::MovedUsers,
            Exposure::Introduced,
        ];
        let exposures: Vec<_> = exposures
            .iter()
            .map(|e| written(serde_json::json!(e)))
            .collect();
        assert_eq!(exposures, values(EXPOSURES));
        let levels = [
            Confidence::Verified,
            Confidence::Derived,
            Confidence::Weak,
            Confidence::Judgment,
        ];
        let written_levels: Vec<_> = levels
            .iter()
            .map(|c| written(serde_json::json!(c)))
            .collect();
        assert_eq!(written_levels, values(&CONFIDENCES[1..]));
        // A level reads as the editor offers it.
        for (level, choice) in levels.iter().zip(&CONFIDENCES[1..]) {
            for language in [Language::Fr, Language::En] {
                assert_eq!(level.label(language), choice.label.get(language));
            }
        }
    }
}
