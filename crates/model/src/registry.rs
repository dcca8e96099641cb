//! The one table of the scenario's assumptions (model.md section 3): for each, its path,
//! the values it may take, its unit, what it moves in the model, whether the uncertainty
//! analysis draws it, the value taken when the file leaves it out, and its words in both
//! languages. The reader, the JSON Schema, the sensitivity, the draws, the labels of the
//! tables and the briefing, and the editor's form ([`crate::form`]) all read it here.

use crate::bounds::{self, Bounds};
use crate::scenario::Language;
use crate::sensitivity::{Target, Unit};

/// A text in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Words {
    pub fr: &'static str,
    pub en: &'static str,
}

impl Words {
    pub const fn new(fr: &'static str, en: &'static str) -> Words {
        Words { fr, en }
    }

    pub fn get(self, language: Language) -> &'static str {
        match language {
            Language::Fr => self.fr,
            Language::En => self.en,
        }
    }
}

/// Which parts of the net benefit an assumption moves: what a point of the sensitivity,
/// a break-even or the frontier must recompute when it changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moves {
    /// Descriptive in model version 2.
    Nothing,
    /// Costs, at the same prices.
    Costs,
    /// Costs, through the licence prices of every year.
    Prices,
    /// The risk of that index.
    Risk,
    Everything,
}

/// One assumption of the format.
#[derive(Debug)]
pub struct Spec {
    /// The model input it feeds, given the index of its plan, ramp year or risk.
    pub target: fn(usize) -> Target,
    /// Its path in the file, `[]` standing for that index.
    pub path: &'static str,
    pub bounds: Bounds,
    pub unit: Unit,
    /// An amount of euros (shown to the cent), not a rate or a count.
    pub amount: bool,
    pub moves: Moves,
    /// Drawn by the uncertainty analysis when it has a range; otherwise held at its value
    /// (the decision itself, a policy choice, inputs whose joint rules make independent
    /// draws ill-defined, a descriptive figure).
    pub drawn: bool,
    /// The value the model takes when the file leaves the field out; `None`: required.
    pub default: Option<&'static str>,
    /// Its name in the tables and the briefing (after its plan's or risk's name, if any).
    pub label: Words,
    /// Its name in the editor, where it says more than `label`.
    pub form_label: Option<Words>,
}

impl Spec {
    /// The last part of its path: its key in its object.
    pub fn key(&self) -> &'static str {
        let tail = self.path.rsplit('.').next().unwrap_or(self.path);
        tail.strip_suffix("[]").unwrap_or(tail)
    }

    /// Its path for the plan, ramp year or risk `index`.
    pub fn path_at(&self, index: usize) -> String {
        self.path.replacen("[]", &format!("[{index}]"), 1)
    }

    pub fn form_label(&self) -> Words {
        self.form_label.unwrap_or(self.label)
    }
}

const fn spec(
    target: fn(usize) -> Target,
    path: &'static str,
    bounds: Bounds,
    unit: Unit,
    moves: Moves,
    label: Words,
) -> Spec {
    Spec {
        target,
        path,
        bounds,
        unit,
        amount: matches!(
            unit,
            Unit::Euros
                | Unit::EurosPerYear
                | Unit::EurosPerUserMonth
                | Unit::EurosPerUser
                | Unit::EurosPerHour
                | Unit::EurosPerEvent
        ),
        moves,
        drawn: true,
        default: None,
        label,
        form_label: None,
    }
}

impl Spec {
    const fn held(self) -> Spec {
        Spec {
            drawn: false,
            ..self
        }
    }

    const fn optional(self, default: &'static str) -> Spec {
        Spec {
            default: Some(default),
            ..self
        }
    }

    const fn asked(self, form_label: Words) -> Spec {
        Spec {
            form_label: Some(form_label),
            ..self
        }
    }
}

/// Every assumption, in document order.
pub static ASSUMPTIONS: &[Spec] = &[
    spec(
        |_| Target::Revenue,
        "organisation.annual_revenue_eur",
        bounds::REVENUE,
        Unit::EurosPerYear,
        Moves::Nothing,
        Words::new("Chiffre d'affaires", "Annual revenue"),
    )
    .held()
    .asked(Words::new(
        "Chiffre d'affaires annuel (descriptif)",
        "Annual revenue (descriptive)",
    )),
    spec(
        |_| Target::DiscountRate,
        "discount_rate_pct",
        bounds::DISCOUNT_RATE,
        Unit::Percent,
        Moves::Everything,
        Words::new("Taux d'actualisation", "Discount rate"),
    )
    .held(),
    spec(
        |_| Target::Inflation,
        "inflation_pct_per_year",
        bounds::INFLATION,
        Unit::Percent,
        Moves::Everything,
        Words::new("Inflation", "Inflation"),
    )
    .optional("2"),
    spec(
        Target::PlanPrice,
        "public_suite.plans[].list_price_eur_per_user_month",
        bounds::PRICE,
        Unit::EurosPerUserMonth,
        Moves::Prices,
        Words::new("prix catalogue", "list price"),
    ),
    spec(
        Target::PlanShare,
        "public_suite.plans[].share_pct",
        bounds::PERCENT,
        Unit::Percent,
        Moves::Prices,
        Words::new("part des utilisateurs", "share of users"),
    )
    .held()
    .asked(Words::new("Part des licences", "Share of licences")),
    spec(
        |_| Target::SuiteDiscount,
        "public_suite.discount_pct",
        bounds::SUITE_DISCOUNT,
        Unit::Percent,
        Moves::Prices,
        Words::new(
            "Remise sur la suite publique",
            "Discount on the public suite",
        ),
    )
    .asked(Words::new(
        "Remise obtenue sur la suite publique",
        "Discount obtained on the public suite",
    )),
    spec(
        |_| Target::PublicEscalation,
        "public_suite.escalation_pct_per_year",
        bounds::ESCALATION,
        Unit::Percent,
        Moves::Prices,
        Words::new(
            "Hausse annuelle du prix public",
            "Yearly rise of the public price",
        ),
    ),
    spec(
        |_| Target::Controls,
        "public_suite.sensitive_data_controls_eur_per_year",
        bounds::YEARLY_AMOUNT,
        Unit::EurosPerYear,
        Moves::Costs,
        Words::new(
            "Mesures de protection des données sensibles",
            "Controls on sensitive data",
        ),
    )
    .optional("0")
    .asked(Words::new(
        "Mesures pour garder les données sensibles sur la suite publique",
        "Controls to keep sensitive data on the public suite",
    )),
    spec(
        |_| Target::Premium,
        "trusted_offer.premium_pct",
        bounds::PREMIUM,
        Unit::Percent,
        Moves::Costs,
        Words::new(
            "Prime de l'offre de confiance",
            "Premium of the trusted offer",
        ),
    ),
    spec(
        |_| Target::TrustedEscalation,
        "trusted_offer.escalation_pct_per_year",
        bounds::ESCALATION,
        Unit::Percent,
        Moves::Prices,
        Words::new(
            "Hausse annuelle du prix de confiance",
            "Yearly rise of the trusted price",
        ),
    ),
    spec(
        |_| Target::MovedShare,
        "migration.moved_share_pct",
        bounds::PERCENT,
        Unit::Percent,
        Moves::Everything,
        Words::new("Part des utilisateurs basculés", "Share of users moved"),
    )
    .held(),
    spec(
        |_| Target::Coverage,
        "migration.sensitive_data_coverage_pct",
        bounds::PERCENT,
        Unit::Percent,
        Moves::Everything,
        Words::new(
            "Part des données sensibles basculées",
            "Share of sensitive data moved",
        ),
    )
    .asked(Words::new(
        "Part des données sensibles qu'ils détiennent",
        "Share of the sensitive data they hold",
    )),
    spec(
        Target::Ramp,
        "migration.ramp_pct_by_year[]",
        bounds::PERCENT,
        Unit::Percent,
        Moves::Everything,
        Words::new("Montée en charge, fin de l'année", "Ramp, end of year"),
    )
    .held()
    .asked(Words::new("Fin de l'année", "End of year")),
    spec(
        |_| Target::MigrationCost,
        "migration.cost_per_user_eur",
        bounds::PER_USER_AMOUNT,
        Unit::EurosPerUser,
        Moves::Costs,
        Words::new(
            "Coût de migration par utilisateur",
            "Migration cost per user",
        ),
    ),
    spec(
        |_| Target::Training,
        "migration.training_per_user_eur",
        bounds::PER_USER_AMOUNT,
        Unit::EurosPerUser,
        Moves::Costs,
        Words::new("Formation par utilisateur", "Training per user"),
    ),
    spec(
        |_| Target::Hours,
        "migration.productivity_loss_hours_per_user",
        bounds::HOURS,
        Unit::HoursPerUser,
        Moves::Costs,
        Words::new("Heures perdues par utilisateur", "Hours lost per user"),
    ),
    spec(
        |_| Target::HourlyCost,
        "migration.loaded_hourly_cost_eur",
        bounds::PER_USER_AMOUNT,
        Unit::EurosPerHour,
        Moves::Costs,
        Words::new("Coût horaire chargé", "Loaded hourly cost"),
    )
    .asked(Words::new(
        "Coût chargé d'une heure",
        "Loaded cost of an hour",
    )),
    spec(
        |_| Target::FixedProject,
        "migration.project_fixed_cost_eur",
        bounds::FIXED_COST,
        Unit::Euros,
        Moves::Costs,
        Words::new("Coût fixe du projet", "Fixed project cost"),
    ),
    spec(
        |_| Target::DualRun,
        "migration.dual_run_months",
        bounds::DUAL_RUN_MONTHS,
        Unit::Months,
        Moves::Costs,
        Words::new("Mois de double licence", "Months of dual licences"),
    )
    .asked(Words::new(
        "Double licence après bascule",
        "Dual licences after cut-over",
    )),
    spec(
        |_| Target::TwoEstateOps,
        "migration.two_estate_ops_eur_per_moved_user_month",
        bounds::PER_USER_AMOUNT,
        Unit::EurosPerUserMonth,
        Moves::Costs,
        Words::new("Exploitation de deux environnements", "Running two estates"),
    ),
    spec(
        Target::RiskRate,
        "risks[].annual_rate",
        bounds::ANNUAL_RATE,
        Unit::EventsPerYear,
        Moves::Risk,
        Words::new("fréquence", "rate"),
    ),
    spec(
        Target::LossLow,
        "risks[].loss_low_eur",
        bounds::LOSS,
        Unit::EurosPerEvent,
        Moves::Risk,
        Words::new("perte basse (P5)", "low loss (P5)"),
    )
    .asked(Words::new(
        "Perte d'un événement, 5ᵉ centile",
        "Loss of one event, 5th percentile",
    )),
    spec(
        Target::LossHigh,
        "risks[].loss_high_eur",
        bounds::LOSS,
        Unit::EurosPerEvent,
        Moves::Risk,
        Words::new("perte haute (P95)", "high loss (P95)"),
    )
    .asked(Words::new(
        "Perte d'un événement, 95ᵉ centile",
        "Loss of one event, 95th percentile",
    )),
    spec(
        Target::Multiplier,
        "risks[].trusted_multiplier",
        bounds::TRUSTED_MULTIPLIER,
        Unit::Factor,
        Moves::Risk,
        Words::new(
            "effet de l'offre de confiance",
            "effect of the trusted offer",
        ),
    )
    .optional("1")
    .asked(Words::new(
        "Facteur de l'offre de confiance sur la fréquence",
        "Trusted offer's factor on the rate",
    )),
];

impl Target {
    /// Its row of the table.
    pub fn spec(self) -> &'static Spec {
        let kind = std::mem::discriminant(&self);
        ASSUMPTIONS
            .iter()
            .find(|spec| std::mem::discriminant(&(spec.target)(0)) == kind)
            .unwrap_or_else(|| unreachable!("every target has a row: {self:?}"))
    }
}

/// The row of the assumption at `path` of a file (`risks[2].loss_low_eur`), and its index.
pub fn at_path(path: &str) -> Option<(&'static Spec, usize)> {
    ASSUMPTIONS
        .iter()
        .find_map(|spec| match spec.path.split_once("[]") {
            None => (spec.path == path).then_some((spec, 0)),
            Some((head, tail)) => {
                let (index, after) = path
                    .strip_prefix(head)?
                    .strip_prefix('[')?
                    .split_once(']')?;
                let number: usize = index.parse().ok()?;
                // "[01]" or "[+1]" is not a path the model writes.
                (after == tail && number.to_string() == index).then_some((spec, number))
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_target_has_one_row_and_every_row_its_own_target() {
        for (i, spec) in ASSUMPTIONS.iter().enumerate() {
            let target = (spec.target)(3);
            assert!(std::ptr::eq(target.spec(), spec), "{}", spec.path);
            for other in &ASSUMPTIONS[i + 1..] {
                assert_ne!(spec.path, other.path);
            }
        }
    }

    #[test]
    fn a_path_of_a_file_finds_its_row_and_index() {
        let (spec, index) = at_path("risks[12].loss_low_eur").unwrap();
        assert_eq!((spec.target)(index), Target::LossLow(12));
        let (spec, _) = at_path("trusted_offer.premium_pct").unwrap();
        assert_eq!((spec.target)(0), Target::Premium);
        assert_eq!(spec.key(), "premium_pct");
        assert_eq!(Target::Ramp(0).spec().key(), "ramp_pct_by_year");
        assert_eq!(
            Target::Ramp(0).spec().path_at(4),
            "migration.ramp_pct_by_year[4]"
        );
        assert!(at_path("risks[x].loss_low_eur").is_none());
        assert!(at_path("risks[1].name").is_none());
        assert!(at_path("trusted_offer").is_none());
    }

    #[test]
    fn the_fields_a_file_may_leave_out_have_their_default() {
        for (target, default) in [
            (Target::Inflation, "2"),
            (Target::Controls, "0"),
            (Target::Multiplier(0), "1"),
        ] {
            assert_eq!(target.spec().default, Some(default));
        }
    }

    #[test]
    fn every_default_is_a_value_the_field_allows() {
        for spec in ASSUMPTIONS {
            if let Some(default) = spec.default {
                let value: rust_decimal::Decimal = default.parse().unwrap();
                assert!(spec.bounds.contains(value), "{}", spec.path);
            }
        }
    }
}
