//! Reading a scenario file: every problem is collected, each at its field's path.

use crate::bibliography::{self, Source};
use crate::bounds::{self, Bounds};
use crate::json::{Json, JsonError, MAX_FILE_BYTES};
use crate::number::{NumberError, parse_decimal, shortest};
use crate::problem::{Expected, Problem, ProblemKind, Rejection};
use crate::scenario::*;
use crate::sensitivity::Target;
use rust_decimal::Decimal;

/// Reads and checks a scenario file's text. On success the scenario holds every default
/// written out; on failure, every problem found, in the file's language (French when the
/// file does not say).
pub fn parse_scenario(text: &str) -> Result<Scenario, Rejection> {
    parse_scenario_or(text, Language::Fr)
}

/// As [`parse_scenario`], with problems worded in `fallback` when the file does not
/// declare its language (or is too broken to).
pub fn parse_scenario_or(text: &str, fallback: Language) -> Result<Scenario, Rejection> {
    let json = match Json::parse(text) {
        Ok(json) => json,
        Err(error) => {
            let kind = match error {
                JsonError::TooLarge { bytes } => ProblemKind::FileTooLarge {
                    bytes: bytes as u64,
                    max: MAX_FILE_BYTES,
                },
                JsonError::Syntax { line, column, .. } => ProblemKind::Syntax { line, column },
            };
            return Err(Rejection::of_file(fallback, kind));
        }
    };
    let language = declared_language(&json).unwrap_or(fallback);
    let mut reader = Reader::default();
    let scenario = reader.scenario(&json);
    match scenario {
        Some(scenario) if reader.problems.is_empty() => Ok(scenario),
        _ => Err(Rejection {
            language,
            problems: reader.problems,
        }),
    }
}

fn declared_language(json: &Json) -> Option<Language> {
    let Json::Object(members) = json else {
        return None;
    };
    members
        .iter()
        .find(|(key, _)| key == "language")
        .and_then(|(_, value)| match value {
            Json::String(code) if code == "en" => Some(Language::En),
            Json::String(code) if code == "fr" => Some(Language::Fr),
            _ => None,
        })
}

/// An object being read: its members, and its path for messages.
struct Obj<'a> {
    path: String,
    members: &'a [(String, Json)],
}

impl<'a> Obj<'a> {
    fn get(&self, key: &str) -> Option<&'a Json> {
        self.members.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    fn at(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_owned()
        } else {
            format!("{}.{key}", self.path)
        }
    }
}

/// The value the model takes for an assumption the file leaves out (the registry's).
fn defaulted(target: Target) -> Assumption {
    let default: Option<Decimal> = target.spec().default.and_then(|text| text.parse().ok());
    Assumption::from(default.unwrap_or_else(|| unreachable!("{target:?} has a default")))
}

fn index(path: &str, i: usize) -> String {
    format!("{path}[{i}]")
}

/// Where a value comes from, as read (see [`Reader::provenance`]).
struct Provenance {
    source: Option<Option<String>>,
    source_date: Option<Option<String>>,
    confidence: Option<Option<Confidence>>,
    cites: Option<Vec<String>>,
}

struct Reader {
    problems: Vec<Problem>,
    /// The format version the file declares (the latest while it is unknown).
    version: u32,
    /// Every id cited, with where: checked against the bibliography once the file's own
    /// entries are read.
    citations: Vec<(String, String)>,
}

impl Default for Reader {
    fn default() -> Self {
        Reader {
            problems: Vec::new(),
            version: FORMAT_VERSION,
            citations: Vec::new(),
        }
    }
}

impl Reader {
    fn report(&mut self, path: &str, value: Option<&Json>, kind: ProblemKind) {
        self.problems
            .push(Problem::new(path, value.map(Json::excerpt), kind));
    }

    fn object<'a>(
        &mut self,
        node: &'a Json,
        path: &str,
        allowed: &[&'static str],
    ) -> Option<Obj<'a>> {
        self.versioned_object(node, path, allowed, &[])
    }

    /// An object some of whose fields (`since_v2`) exist from format version 2 on.
    fn versioned_object<'a>(
        &mut self,
        node: &'a Json,
        path: &str,
        allowed: &[&'static str],
        since_v2: &[&'static str],
    ) -> Option<Obj<'a>> {
        let Json::Object(members) = node else {
            self.report(
                path,
                None,
                ProblemKind::WrongType {
                    expected: Expected::Object,
                    found: node.kind(),
                },
            );
            return None;
        };
        let obj = Obj {
            path: path.to_owned(),
            members,
        };
        for (i, (key, _)) in members.iter().enumerate() {
            let later = since_v2.contains(&key.as_str());
            if later && self.version < 2 {
                self.report(&obj.at(key), None, ProblemKind::NeedsVersion { version: 2 });
            } else if !later && !allowed.contains(&key.as_str()) {
                let mut allowed = allowed.to_vec();
                if self.version >= 2 {
                    allowed.extend_from_slice(since_v2);
                }
                self.report(&obj.at(key), None, ProblemKind::UnknownField { allowed });
            } else if members[..i].iter().any(|(k, _)| k == key) {
                self.report(&obj.at(key), None, ProblemKind::DuplicateField);
            }
        }
        Some(obj)
    }

    fn required<'a>(&mut self, obj: &Obj<'a>, key: &str) -> Option<&'a Json> {
        let found = obj.get(key);
        if found.is_none() {
            self.report(&obj.at(key), None, ProblemKind::Missing);
        }
        found
    }

    fn string(&mut self, node: &Json, path: &str, (min, max): (usize, usize)) -> Option<String> {
        let Json::String(text) = node else {
            self.report(
                path,
                Some(node),
                ProblemKind::WrongType {
                    expected: Expected::String,
                    found: node.kind(),
                },
            );
            return None;
        };
        let found = text.chars().count();
        if found < min || found > max {
            self.report(path, None, ProblemKind::Length { min, max, found });
            return None;
        }
        Some(text.clone())
    }

    fn required_string(&mut self, obj: &Obj, key: &str, limits: (usize, usize)) -> Option<String> {
        let node = self.required(obj, key)?;
        self.string(node, &obj.at(key), limits)
    }

    fn one_of<T: Copy>(
        &mut self,
        node: &Json,
        path: &str,
        options: &[(&'static str, T)],
    ) -> Option<T> {
        let allowed = || options.iter().map(|(name, _)| *name).collect();
        let Json::String(text) = node else {
            self.report(
                path,
                Some(node),
                ProblemKind::NotOneOf { allowed: allowed() },
            );
            return None;
        };
        let found = options
            .iter()
            .find(|(name, _)| name == text)
            .map(|(_, v)| *v);
        if found.is_none() {
            self.report(
                path,
                Some(node),
                ProblemKind::NotOneOf { allowed: allowed() },
            );
        }
        found
    }

    fn integer(&mut self, node: &Json, path: &str, limits: Bounds) -> Option<u64> {
        let Json::Number(text) = node else {
            self.report(
                path,
                Some(node),
                ProblemKind::WrongType {
                    expected: Expected::Integer,
                    found: node.kind(),
                },
            );
            return None;
        };
        let value = self.decimal_text(text, node, path, limits)?;
        if !value.fract().is_zero() {
            self.report(path, Some(node), ProblemKind::NotAnInteger);
            return None;
        }
        u64::try_from(value.trunc().mantissa()).ok()
    }

    fn boolean(&mut self, node: &Json, path: &str) -> Option<bool> {
        match node {
            Json::Bool(b) => Some(*b),
            _ => {
                self.report(
                    path,
                    Some(node),
                    ProblemKind::WrongType {
                        expected: Expected::Bool,
                        found: node.kind(),
                    },
                );
                None
            }
        }
    }

    fn decimal_text(
        &mut self,
        text: &str,
        node: &Json,
        path: &str,
        limits: Bounds,
    ) -> Option<Decimal> {
        let value = match parse_decimal(text) {
            Ok(value) => value,
            Err(NumberError::Syntax) => {
                self.report(path, Some(node), ProblemKind::NotADecimal);
                return None;
            }
            Err(NumberError::TooPrecise) => {
                self.report(path, Some(node), ProblemKind::TooPrecise);
                return None;
            }
            Err(NumberError::TooLarge) => {
                self.report(path, Some(node), ProblemKind::OutOfRange { bounds: limits });
                return None;
            }
        };
        if !limits.contains(value) {
            self.report(path, Some(node), ProblemKind::OutOfRange { bounds: limits });
            return None;
        }
        Some(value)
    }

    /// A decimal: a JSON number or a string holding one.
    fn decimal(&mut self, node: &Json, path: &str, limits: Bounds) -> Option<Decimal> {
        match node {
            Json::Number(text) | Json::String(text) => self.decimal_text(text, node, path, limits),
            _ => {
                self.report(
                    path,
                    Some(node),
                    ProblemKind::WrongType {
                        expected: Expected::Decimal,
                        found: node.kind(),
                    },
                );
                None
            }
        }
    }

    fn assumption(&mut self, node: &Json, path: &str, limits: Bounds) -> Option<Assumption> {
        let Json::Object(_) = node else {
            if matches!(node, Json::Number(_) | Json::String(_)) {
                return self.decimal(node, path, limits).map(Assumption::from);
            }
            self.report(
                path,
                Some(node),
                ProblemKind::WrongType {
                    expected: Expected::Assumption,
                    found: node.kind(),
                },
            );
            return None;
        };
        let obj = self.versioned_object(
            node,
            path,
            &[
                "value",
                "low",
                "high",
                "source",
                "source_date",
                "confidence",
            ],
            &["cites"],
        )?;
        let value = self
            .required(&obj, "value")
            .and_then(|v| self.decimal(v, &obj.at("value"), limits));
        let low_node = obj.get("low");
        let high_node = obj.get("high");
        let low = low_node.map(|v| self.decimal(v, &obj.at("low"), limits));
        let high = high_node.map(|v| self.decimal(v, &obj.at("high"), limits));
        let range = match (low, high) {
            (None, None) => Ok(None),
            (Some(_), None) => {
                self.report(&obj.at("high"), None, ProblemKind::LowHighTogether);
                Err(())
            }
            (None, Some(_)) => {
                self.report(&obj.at("low"), None, ProblemKind::LowHighTogether);
                Err(())
            }
            (Some(Some(low)), Some(Some(high))) => Ok(Some(Range { low, high })),
            _ => Err(()),
        };
        if let (Some(value), Ok(Some(range))) = (value, &range) {
            if range.low > value {
                self.report(&obj.at("low"), low_node, ProblemKind::LowAboveValue);
            }
            if range.high < value {
                self.report(&obj.at("high"), high_node, ProblemKind::HighBelowValue);
            }
        }
        let provenance = self.provenance(&obj);
        Some(Assumption {
            value: value?,
            range: range.ok()?,
            source: provenance.source?,
            source_date: provenance.source_date?,
            confidence: provenance.confidence?,
            cites: provenance.cites?,
        })
    }

    /// The assumption feeding `target`, at its key in `obj`, within its bounds (the registry).
    fn required_assumption(&mut self, obj: &Obj, target: Target) -> Option<Assumption> {
        let spec = target.spec();
        let node = self.required(obj, spec.key())?;
        self.assumption(node, &obj.at(spec.key()), spec.bounds)
    }

    /// `Some(None)` when the file leaves it out (see [`defaulted`]).
    fn optional_assumption(&mut self, obj: &Obj, target: Target) -> Option<Option<Assumption>> {
        let spec = target.spec();
        match obj.get(spec.key()) {
            None => Some(None),
            Some(node) => self
                .assumption(node, &obj.at(spec.key()), spec.bounds)
                .map(Some),
        }
    }

    /// The optional `source`, `source_date` and `confidence` of an assumption or a risk;
    /// each `None` when present but wrong (reported), `Some(None)` when absent.
    fn provenance(&mut self, obj: &Obj) -> Provenance {
        let present = |found: Option<Option<String>>| found.map_or(Some(None), |s| s.map(Some));
        let source = obj
            .get("source")
            .map(|v| self.string(v, &obj.at("source"), bounds::SOURCE_CHARS));
        let source_date = obj
            .get("source_date")
            .map(|v| self.source_date(v, &obj.at("source_date")));
        let confidence = obj
            .get("confidence")
            .map(|v| self.confidence(v, &obj.at("confidence")));
        let cites = match obj.get("cites") {
            None => Some(Vec::new()),
            Some(v) => self.cites(v, &obj.at("cites")),
        };
        Provenance {
            source: present(source),
            source_date: present(source_date),
            confidence: confidence.map_or(Some(None), |c| c.map(Some)),
            cites,
        }
    }

    /// `cites`: bibliography ids, each noted to be looked up once the file is read.
    fn cites(&mut self, node: &Json, path: &str) -> Option<Vec<String>> {
        let items = self.array(node, path, (0, bounds::CITES_MAX))?;
        let mut ids = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let at = index(path, i);
            let Some(id) = self.id(item, &at) else {
                continue;
            };
            if ids.contains(&id) {
                self.report(&at, Some(item), ProblemKind::CitedTwice);
                continue;
            }
            self.citations.push((at, id.clone()));
            ids.push(id);
        }
        (ids.len() == items.len()).then_some(ids)
    }

    /// An id: lower-case letters, digits and underscores, 1 to 64 characters.
    fn id(&mut self, node: &Json, path: &str) -> Option<String> {
        let id = self.string(node, path, (1, 64))?;
        let valid = id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if !valid {
            self.report(path, Some(node), ProblemKind::BadId);
        }
        valid.then_some(id)
    }

    /// The file's own bibliography entries (format version 2).
    fn bibliography(&mut self, node: &Json) -> Option<Vec<Source>> {
        let items = self.array(node, "bibliography", (0, bounds::BIBLIOGRAPHY_MAX))?;
        let mut sources: Vec<Source> = Vec::with_capacity(items.len());
        let mut complete = true;
        for (i, item) in items.iter().enumerate() {
            match self.source_entry(item, &index("bibliography", i)) {
                Some(source) => {
                    let taken = if bibliography::is_shipped(&source.id) {
                        Some(None)
                    } else {
                        sources.iter().position(|s| s.id == source.id).map(Some)
                    };
                    if let Some(first) = taken {
                        self.report(
                            &format!("bibliography[{i}].id"),
                            None,
                            ProblemKind::SourceIdTaken { first },
                        );
                        complete = false;
                    }
                    sources.push(source);
                }
                None => complete = false,
            }
        }
        complete.then_some(sources)
    }

    fn source_entry(&mut self, node: &Json, path: &str) -> Option<Source> {
        let obj = self.object(
            node,
            path,
            &["id", "publisher", "title", "date", "address", "supports"],
        )?;
        let id = self
            .required(&obj, "id")
            .and_then(|v| self.id(v, &obj.at("id")));
        let publisher = self.required_string(&obj, "publisher", bounds::PUBLISHER_CHARS);
        let mut optional = |key: &str, limits| match obj.get(key) {
            None => Some(None),
            Some(v) => self.string(v, &obj.at(key), limits).map(Some),
        };
        let title = optional("title", bounds::TITLE_CHARS);
        let address = optional("address", bounds::ADDRESS_CHARS);
        let supports = optional("supports", bounds::SUPPORTS_CHARS);
        let date = match obj.get("date") {
            None => Some(None),
            Some(v) => self.source_date(v, &obj.at("date")).map(Some),
        };
        Some(Source {
            id: id?,
            publisher: publisher?,
            title: title?,
            date: date?,
            address: address?,
            supports: supports?,
        })
    }

    /// Every cited id is an entry of Bascule's bibliography or of the file's own.
    fn check_citations(&mut self, own: &[Source]) {
        for (path, id) in std::mem::take(&mut self.citations) {
            if !bibliography::is_shipped(&id) && !own.iter().any(|s| s.id == id) {
                self.report(&path, None, ProblemKind::UnknownSource { id });
            }
        }
    }

    fn source_date(&mut self, node: &Json, path: &str) -> Option<String> {
        let text = self.string(node, path, (4, 10))?;
        if crate::dates::is_partial_date(&text) {
            Some(text)
        } else {
            self.report(path, Some(node), ProblemKind::BadDate);
            None
        }
    }

    fn confidence(&mut self, node: &Json, path: &str) -> Option<Confidence> {
        self.one_of(
            node,
            path,
            &[
                ("verified", Confidence::Verified),
                ("derived", Confidence::Derived),
                ("weak", Confidence::Weak),
                ("judgment", Confidence::Judgment),
            ],
        )
    }

    fn array<'a>(
        &mut self,
        node: &'a Json,
        path: &str,
        (min, max): (usize, usize),
    ) -> Option<&'a [Json]> {
        let Json::Array(items) = node else {
            self.report(
                path,
                Some(node),
                ProblemKind::WrongType {
                    expected: Expected::Array,
                    found: node.kind(),
                },
            );
            return None;
        };
        if items.len() < min || items.len() > max {
            self.report(
                path,
                None,
                ProblemKind::ItemCount {
                    min,
                    max,
                    found: items.len(),
                },
            );
            return None;
        }
        Some(items)
    }

    fn scenario(&mut self, node: &Json) -> Option<Scenario> {
        // The version first: which fields exist depends on it.
        let version = self.version(node);
        let obj = self.versioned_object(
            node,
            "",
            &[
                "format",
                "version",
                "name",
                "language",
                "organisation",
                "horizon_years",
                "discount_rate_pct",
                "inflation_pct_per_year",
                "public_suite",
                "trusted_offer",
                "migration",
                "risks",
                "simulation",
            ],
            &["risk_appetite", "bibliography"],
        )?;
        let format = self
            .required(&obj, "format")
            .and_then(|v| self.one_of(v, "format", &[(FORMAT, Format::Scenario)]));
        let version = self.required(&obj, "version").and(version);
        let name = self.required_string(&obj, "name", bounds::NAME_CHARS);
        let language = match obj.get("language") {
            None => Some(Language::Fr),
            Some(v) => self.one_of(v, "language", &[("fr", Language::Fr), ("en", Language::En)]),
        };
        let organisation = self
            .required(&obj, "organisation")
            .and_then(|v| self.organisation(v));
        let horizon_years = self
            .required(&obj, "horizon_years")
            .and_then(|v| self.integer(v, "horizon_years", bounds::HORIZON_YEARS));
        let discount_rate_pct = self.required_assumption(&obj, Target::DiscountRate);
        let inflation_pct_per_year = self
            .optional_assumption(&obj, Target::Inflation)
            .map(|a| a.unwrap_or_else(|| defaulted(Target::Inflation)));
        let public_suite = self
            .required(&obj, "public_suite")
            .and_then(|v| self.public_suite(v));
        let trusted_offer = self
            .required(&obj, "trusted_offer")
            .and_then(|v| self.trusted_offer(v));
        let migration = self
            .required(&obj, "migration")
            .and_then(|v| self.migration(v));
        let risks = self.required(&obj, "risks").and_then(|v| self.risks(v));
        let simulation = match obj.get("simulation") {
            None => Some(Simulation::default()),
            Some(v) => self.simulation(v),
        };
        let risk_appetite = match obj.get("risk_appetite") {
            None => Some(None),
            Some(v) => self.risk_appetite(v).map(Some),
        };
        let bibliography = match obj.get("bibliography") {
            None => Some(Vec::new()),
            Some(v) => self.bibliography(v),
        };
        if let Some(own) = &bibliography {
            self.check_citations(own);
        }
        Some(Scenario {
            format: format?,
            version: version?,
            name: name?,
            language: language?,
            organisation: organisation?,
            horizon_years: u32::try_from(horizon_years?).ok()?,
            discount_rate_pct: discount_rate_pct?,
            inflation_pct_per_year: inflation_pct_per_year?,
            public_suite: public_suite?,
            trusted_offer: trusted_offer?,
            migration: migration?,
            risks: risks?,
            risk_appetite: risk_appetite?,
            simulation: simulation?,
            bibliography: bibliography?,
        })
    }

    /// The declared version, when it is one this build reads (then the reader follows it).
    fn version(&mut self, node: &Json) -> Option<u32> {
        let Json::Object(members) = node else {
            return None;
        };
        let (_, value) = members.iter().find(|(key, _)| key == "version")?;
        let known = match value {
            Json::Number(text) => READ_VERSIONS
                .iter()
                .copied()
                .find(|v| *text == v.to_string()),
            _ => None,
        };
        match known {
            Some(version) => self.version = version,
            None => self.report(
                "version",
                Some(value),
                ProblemKind::UnknownVersion {
                    found: value.excerpt(),
                },
            ),
        }
        known
    }

    fn risk_appetite(&mut self, node: &Json) -> Option<RiskAppetite> {
        let obj = self.object(node, "risk_appetite", &["tolerance_curve"])?;
        let path = "risk_appetite.tolerance_curve";
        let items = self
            .required(&obj, "tolerance_curve")
            .and_then(|v| self.array(v, path, bounds::TOLERANCE_POINTS))?;
        let mut points = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let Some(point) =
                self.object(item, &index(path, i), &["loss_eur", "max_probability_pct"])
            else {
                continue;
            };
            let loss = self
                .required(&point, "loss_eur")
                .and_then(|v| self.decimal(v, &point.at("loss_eur"), bounds::LOSS));
            let probability = self.required(&point, "max_probability_pct").and_then(|v| {
                self.decimal(
                    v,
                    &point.at("max_probability_pct"),
                    bounds::TOLERANCE_PROBABILITY,
                )
            });
            if let (Some(loss_eur), Some(max_probability_pct)) = (loss, probability) {
                points.push((
                    i,
                    TolerancePoint {
                        loss_eur,
                        max_probability_pct,
                    },
                ));
            }
        }
        if points.len() != items.len() {
            return None;
        }
        for pair in points.windows(2) {
            let ((_, before), (i, after)) = (pair[0], pair[1]);
            if after.loss_eur <= before.loss_eur {
                self.report(
                    &format!("{path}[{i}].loss_eur"),
                    None,
                    ProblemKind::ToleranceLossOrder {
                        previous: shortest(before.loss_eur),
                    },
                );
            }
            if after.max_probability_pct > before.max_probability_pct {
                self.report(
                    &format!("{path}[{i}].max_probability_pct"),
                    None,
                    ProblemKind::ToleranceProbabilityOrder {
                        previous: shortest(before.max_probability_pct),
                    },
                );
            }
        }
        Some(RiskAppetite {
            tolerance_curve: points.into_iter().map(|(_, p)| p).collect(),
        })
    }

    fn organisation(&mut self, node: &Json) -> Option<Organisation> {
        let obj = self.object(
            node,
            "organisation",
            &["name", "sector", "users", "annual_revenue_eur"],
        )?;
        let name = self.required_string(&obj, "name", bounds::NAME_CHARS);
        let sector = self.required(&obj, "sector").and_then(|v| {
            self.one_of(
                v,
                "organisation.sector",
                &[
                    ("state", Sector::State),
                    ("critical_operator", Sector::CriticalOperator),
                    ("regulated", Sector::Regulated),
                    ("private", Sector::Private),
                ],
            )
        });
        let users = self
            .required(&obj, "users")
            .and_then(|v| self.integer(v, "organisation.users", bounds::USERS));
        let annual_revenue_eur = self.required_assumption(&obj, Target::Revenue);
        Some(Organisation {
            name: name?,
            sector: sector?,
            users: u32::try_from(users?).ok()?,
            annual_revenue_eur: annual_revenue_eur?,
        })
    }

    fn public_suite(&mut self, node: &Json) -> Option<PublicSuite> {
        let obj = self.object(
            node,
            "public_suite",
            &[
                "plans",
                "discount_pct",
                "escalation_pct_per_year",
                "sensitive_data_controls_eur_per_year",
            ],
        )?;
        let plans = self.required(&obj, "plans").and_then(|v| self.plans(v));
        let discount_pct = self.required_assumption(&obj, Target::SuiteDiscount);
        let escalation = self.required_assumption(&obj, Target::PublicEscalation);
        let controls = self
            .optional_assumption(&obj, Target::Controls)
            .map(|a| a.unwrap_or_else(|| defaulted(Target::Controls)));
        Some(PublicSuite {
            plans: plans?,
            discount_pct: discount_pct?,
            escalation_pct_per_year: escalation?,
            sensitive_data_controls_eur_per_year: controls?,
        })
    }

    fn plans(&mut self, node: &Json) -> Option<Vec<Plan>> {
        let path = "public_suite.plans";
        let items = self.array(node, path, bounds::PLANS)?;
        let mut plans = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let Some(obj) = self.object(
                item,
                &index(path, i),
                &["name", "list_price_eur_per_user_month", "share_pct"],
            ) else {
                continue;
            };
            let name = self.required_string(&obj, "name", bounds::NAME_CHARS);
            let price = self.required_assumption(&obj, Target::PlanPrice(0));
            let share = self.required_assumption(&obj, Target::PlanShare(0));
            if let (Some(name), Some(price), Some(share)) = (name, price, share) {
                plans.push(Plan {
                    name,
                    list_price_eur_per_user_month: price,
                    share_pct: share,
                });
            }
        }
        if plans.len() != items.len() {
            return None;
        }
        let sum: Decimal = plans.iter().map(|p| p.share_pct.value).sum();
        if sum != Decimal::ONE_HUNDRED {
            self.report(path, None, ProblemKind::SharesSum { sum: shortest(sum) });
        }
        if plans.len() == 1 && plans[0].share_pct.range.is_some_and(|r| r.low != r.high) {
            self.report(
                &format!("{path}[0].share_pct"),
                None,
                ProblemKind::SingleShareRange,
            );
        }
        Some(plans)
    }

    fn trusted_offer(&mut self, node: &Json) -> Option<TrustedOffer> {
        let obj = self.object(
            node,
            "trusted_offer",
            &["name", "premium_pct", "escalation_pct_per_year"],
        )?;
        let name = self.required_string(&obj, "name", bounds::NAME_CHARS);
        let premium = self.required_assumption(&obj, Target::Premium);
        let escalation = self.required_assumption(&obj, Target::TrustedEscalation);
        Some(TrustedOffer {
            name: name?,
            premium_pct: premium?,
            escalation_pct_per_year: escalation?,
        })
    }

    fn migration(&mut self, node: &Json) -> Option<Migration> {
        let obj = self.versioned_object(
            node,
            "migration",
            &[
                "moved_share_pct",
                "sensitive_data_coverage_pct",
                "ramp_pct_by_year",
                "cost_per_user_eur",
                "training_per_user_eur",
                "productivity_loss_hours_per_user",
                "loaded_hourly_cost_eur",
                "project_fixed_cost_eur",
                "dual_run_months",
                "two_estate_ops_eur_per_moved_user_month",
            ],
            &["required_share_pct", "required_share_source"],
        )?;
        let moved_share = self.required_assumption(&obj, Target::MovedShare);
        let coverage = self.required_assumption(&obj, Target::Coverage);
        let ramp = self
            .required(&obj, "ramp_pct_by_year")
            .and_then(|v| self.ramp(v));
        let cost = self.required_assumption(&obj, Target::MigrationCost);
        let training = self.required_assumption(&obj, Target::Training);
        let hours = self.required_assumption(&obj, Target::Hours);
        let hourly = self.required_assumption(&obj, Target::HourlyCost);
        let fixed = self.required_assumption(&obj, Target::FixedProject);
        let dual_run = self.required_assumption(&obj, Target::DualRun);
        let ops = self.required_assumption(&obj, Target::TwoEstateOps);
        let required_share = match obj.get("required_share_pct") {
            None => Some(Decimal::ZERO),
            Some(v @ Json::Object(_)) => {
                self.report(
                    &obj.at("required_share_pct"),
                    Some(v),
                    ProblemKind::RangeNotAllowed,
                );
                None
            }
            Some(v) => self.decimal(v, &obj.at("required_share_pct"), bounds::PERCENT),
        };
        let required_source = match obj.get("required_share_source") {
            None => Some(None),
            Some(v) => self
                .string(v, &obj.at("required_share_source"), bounds::SOURCE_CHARS)
                .map(Some),
        };
        Some(Migration {
            required_share_pct: required_share?,
            required_share_source: required_source?,
            moved_share_pct: moved_share?,
            sensitive_data_coverage_pct: coverage?,
            ramp_pct_by_year: ramp?,
            cost_per_user_eur: cost?,
            training_per_user_eur: training?,
            productivity_loss_hours_per_user: hours?,
            loaded_hourly_cost_eur: hourly?,
            project_fixed_cost_eur: fixed?,
            dual_run_months: dual_run?,
            two_estate_ops_eur_per_moved_user_month: ops?,
        })
    }

    fn ramp(&mut self, node: &Json) -> Option<Vec<Assumption>> {
        let path = "migration.ramp_pct_by_year";
        let items = self.array(node, path, bounds::RAMP_ENTRIES)?;
        let entries: Vec<Option<Assumption>> = items
            .iter()
            .enumerate()
            .map(|(i, item)| self.assumption(item, &index(path, i), Target::Ramp(i).bounds()))
            .collect();
        let entries: Vec<Assumption> = entries.into_iter().collect::<Option<_>>()?;
        for i in 1..entries.len() {
            if entries[i].value < entries[i - 1].value {
                let previous = shortest(entries[i - 1].value);
                self.report(
                    &index(path, i),
                    Some(&items[i]),
                    ProblemKind::RampDecreasing { previous },
                );
            }
        }
        let last = entries.len() - 1;
        if entries[last].value != Decimal::ONE_HUNDRED || entries[last].range.is_some() {
            self.report(&index(path, last), Some(&items[last]), ProblemKind::RampEnd);
        }
        Some(entries)
    }

    fn risks(&mut self, node: &Json) -> Option<Vec<Risk>> {
        let items = self.array(node, "risks", bounds::RISKS)?;
        let risks: Vec<Option<Risk>> = items
            .iter()
            .enumerate()
            .map(|(i, item)| self.risk(item, i))
            .collect();
        let risks: Vec<Risk> = risks.into_iter().collect::<Option<_>>()?;
        for (i, risk) in risks.iter().enumerate() {
            if let Some(first) = risks[..i].iter().position(|r| r.id == risk.id) {
                let value = Json::String(risk.id.clone());
                self.report(
                    &format!("risks[{i}].id"),
                    Some(&value),
                    ProblemKind::DuplicateId { first },
                );
            }
        }
        Some(risks)
    }

    fn risk(&mut self, node: &Json, i: usize) -> Option<Risk> {
        let path = index("risks", i);
        let obj = self.versioned_object(
            node,
            &path,
            &[
                "id",
                "name",
                "annual_rate",
                "loss_low_eur",
                "loss_high_eur",
                "exposure",
                "trusted_multiplier",
                "during_migration_only",
                "source",
                "source_date",
                "confidence",
            ],
            &["scales_with_share", "cites"],
        )?;
        let id = self
            .required(&obj, "id")
            .and_then(|v| self.id(v, &obj.at("id")));
        let name = self.required_string(&obj, "name", bounds::NAME_CHARS);
        let rate = self.required_assumption(&obj, Target::RiskRate(0));
        let low = self.required_assumption(&obj, Target::LossLow(0));
        let high = self.required_assumption(&obj, Target::LossHigh(0));
        if let (Some(low), Some(high)) = (&low, &high) {
            if high.value < low.value {
                self.report(
                    &obj.at("loss_high_eur"),
                    obj.get("loss_high_eur"),
                    ProblemKind::LossOrder,
                );
            } else if high.value > low.value * Decimal::from(bounds::LOSS_RATIO) {
                self.report(
                    &obj.at("loss_high_eur"),
                    obj.get("loss_high_eur"),
                    ProblemKind::LossRatio,
                );
            }
        }
        let exposure = self.required(&obj, "exposure").and_then(|v| {
            self.one_of(
                v,
                &obj.at("exposure"),
                &[
                    ("sensitive_data", Exposure::SensitiveData),
                    ("moved_users", Exposure::MovedUsers),
                    ("introduced", Exposure::Introduced),
                ],
            )
        });
        let multiplier = self.optional_assumption(&obj, Target::Multiplier(0));
        let during_migration_only = match obj.get("during_migration_only") {
            None => Some(false),
            Some(v) => self.boolean(v, &obj.at("during_migration_only")),
        };
        let introduced = exposure == Some(Exposure::Introduced);
        let multiplier = match multiplier {
            Some(Some(_)) if introduced => {
                self.report(
                    &obj.at("trusted_multiplier"),
                    None,
                    ProblemKind::MultiplierOnIntroduced,
                );
                None
            }
            Some(None) if introduced => Some(None),
            Some(m) => Some(Some(m.unwrap_or_else(|| defaulted(Target::Multiplier(0))))),
            None => None,
        };
        if during_migration_only == Some(true) && exposure.is_some() && !introduced {
            self.report(
                &obj.at("during_migration_only"),
                None,
                ProblemKind::DuringMigrationNotIntroduced,
            );
        }
        let scales_with_share = match obj.get("scales_with_share") {
            None => Some(introduced.then_some(true)),
            Some(v) => {
                let scales = self.boolean(v, &obj.at("scales_with_share"));
                if exposure.is_some() && !introduced {
                    self.report(
                        &obj.at("scales_with_share"),
                        None,
                        ProblemKind::ScalesNotIntroduced,
                    );
                    None
                } else {
                    scales.map(Some)
                }
            }
        };
        let provenance = self.provenance(&obj);
        Some(Risk {
            scales_with_share: scales_with_share?,
            id: id?,
            name: name?,
            annual_rate: rate?,
            loss_low_eur: low?,
            loss_high_eur: high?,
            exposure: exposure?,
            trusted_multiplier: multiplier?,
            during_migration_only: during_migration_only?,
            source: provenance.source?,
            source_date: provenance.source_date?,
            confidence: provenance.confidence?,
            cites: provenance.cites?,
        })
    }

    fn simulation(&mut self, node: &Json) -> Option<Simulation> {
        let obj = self.versioned_object(node, "simulation", &["trials", "seed"], &["psa_draws"])?;
        let defaults = Simulation::default();
        let trials = match obj.get("trials") {
            None => Some(u64::from(defaults.trials)),
            Some(v) => self.integer(v, "simulation.trials", bounds::TRIALS),
        };
        let seed = match obj.get("seed") {
            None => Some(defaults.seed),
            Some(v) => self.integer(v, "simulation.seed", bounds::SEED),
        };
        let psa_draws = match obj.get("psa_draws") {
            None => Some(u64::from(defaults.psa_draws)),
            Some(v) => self.integer(v, "simulation.psa_draws", bounds::PSA_DRAWS),
        };
        Some(Simulation {
            trials: u32::try_from(trials?).ok()?,
            seed: seed?,
            psa_draws: u32::try_from(psa_draws?).ok()?,
        })
    }
}
