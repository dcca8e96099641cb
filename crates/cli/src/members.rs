//! A members' CSV for `bascule batch`: a header of scenario paths
//! (`organisation.name`, `migration.moved_share_pct`, `public_suite.plans[0].share_pct`, …)
//! and one row per member, each the base scenario with that row's values put in place.
//! Excel's French export (semicolons, decimal commas, a byte-order mark) reads as well.

use crate::batch_words::batch_words;
use bascule_model::value_path::at_path_mut;
use bascule_model::{Language, Scenario};
use rust_decimal::Decimal;
use serde_json::Value;
use std::str::FromStr;

/// The members' file as read: its columns and rows of cells, every row as long as the header.
#[derive(Debug)]
pub struct Members {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// The line of the file each row starts on (the header is line 1).
    lines: Vec<u64>,
    /// `;`-separated files write decimals with a comma.
    decimal_comma: bool,
}

/// Why the file as a whole cannot be used (nothing is briefed).
#[derive(Debug)]
pub enum MembersError {
    Unreadable(String),
    Empty,
    /// A column that names no field of the base scenario.
    UnknownColumn {
        column: String,
    },
    RepeatedColumn {
        column: String,
    },
    /// A row whose cell count is not the header's (line of the file).
    Ragged {
        line: u64,
        found: usize,
        expected: usize,
    },
}

impl MembersError {
    pub fn describe(&self, language: Language) -> String {
        let words = batch_words(language);
        match self {
            MembersError::Unreadable(reason) => (words.unreadable)(reason),
            MembersError::Empty => words.empty.into(),
            MembersError::UnknownColumn { column } => (words.unknown_column)(column),
            MembersError::RepeatedColumn { column } => (words.repeated_column)(column),
            MembersError::Ragged {
                line,
                found,
                expected,
            } => (words.ragged)(*line, *found, *expected),
        }
    }
}

/// Reads the members' file: `,` or `;` separated (whichever the header uses), UTF-8 with or
/// without a byte-order mark; every column must name a field of `base`.
pub fn read(text: &str, base: &Scenario) -> Result<Members, MembersError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let header_line = text.lines().next().unwrap_or_default();
    let delimiter = if header_line.contains(';') && !header_line.contains(',') {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let columns: Vec<String> = reader
        .headers()
        .map_err(|e| MembersError::Unreadable(e.to_string()))?
        .iter()
        .map(str::to_owned)
        .collect();
    let mut base_file = serde_json::to_value(base).unwrap_or(Value::Null);
    for (i, column) in columns.iter().enumerate() {
        if columns[..i].contains(column) {
            return Err(MembersError::RepeatedColumn {
                column: column.clone(),
            });
        }
        if column.is_empty() || at_path_mut(&mut base_file, column).is_none() {
            return Err(MembersError::UnknownColumn {
                column: column.clone(),
            });
        }
    }
    let mut rows = Vec::new();
    let mut lines = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| MembersError::Unreadable(e.to_string()))?;
        if record.iter().all(str::is_empty) {
            continue; // a blank line, as spreadsheets leave at the end
        }
        if record.len() != columns.len() {
            return Err(MembersError::Ragged {
                line: record.position().map_or(0, csv::Position::line),
                found: record.len(),
                expected: columns.len(),
            });
        }
        lines.push(record.position().map_or(0, csv::Position::line));
        rows.push(record.iter().map(str::to_owned).collect());
    }
    if rows.is_empty() {
        return Err(MembersError::Empty);
    }
    Ok(Members {
        columns,
        rows,
        lines,
        decimal_comma: delimiter == b';',
    })
}

impl Members {
    /// The line of the file row `i` starts on.
    pub fn line(&self, i: usize) -> u64 {
        self.lines.get(i).copied().unwrap_or(0)
    }

    /// The base scenario's file with row `i`'s values in place, to be read like any file
    /// (so that a wrong value gets the very message `evaluate` gives). An empty cell keeps
    /// the base's value. A number for an assumption replaces its value and keeps its source,
    /// and its range while the value lies inside it; outside, the range is dropped and the
    /// source says so (the briefing's register shows it).
    pub fn member_file(&self, base: &Value, i: usize, language: Language) -> Value {
        let mut file = base.clone();
        // The base's name describes the base ("10,000 users…"): unless the file names
        // each member's scenario, it is named after the member.
        let organisation = self
            .columns
            .iter()
            .position(|c| c == "organisation.name")
            .map(|at| self.rows[i][at].clone())
            .filter(|name| !name.is_empty());
        if let Some(organisation) = organisation
            && !self.columns.iter().any(|c| c == "name")
        {
            let name = (batch_words(language).first_estimate)(&organisation);
            file["name"] = Value::from(name.chars().take(200).collect::<String>());
        }
        for (column, cell) in self.columns.iter().zip(&self.rows[i]) {
            if cell.is_empty() {
                continue;
            }
            let Some(slot) = at_path_mut(&mut file, column) else {
                continue; // checked with the header
            };
            let number = self.number(cell);
            match slot {
                Value::Object(assumption) if assumption.contains_key("value") => {
                    let value = number.clone().unwrap_or_else(|| cell.clone());
                    let outside = range_excludes(assumption, &value);
                    if let Some((low, high)) = outside {
                        assumption.remove("low");
                        assumption.remove("high");
                        let note = outside_note(&value, &low, &high, language);
                        let source = match assumption.get("source").and_then(Value::as_str) {
                            Some(source) if !source.is_empty() => format!("{source} — {note}"),
                            _ => note,
                        };
                        assumption.insert("source".into(), Value::from(source));
                    }
                    assumption.insert("value".into(), Value::from(value));
                }
                Value::Number(_) => {
                    *slot = number
                        .as_deref()
                        .and_then(|n| serde_json::from_str(n).ok())
                        .unwrap_or_else(|| Value::from(cell.clone()));
                }
                Value::Bool(_) => {
                    *slot = match cell.to_lowercase().as_str() {
                        "true" | "vrai" | "oui" | "yes" => Value::Bool(true),
                        "false" | "faux" | "non" | "no" => Value::Bool(false),
                        _ => Value::from(cell.clone()),
                    };
                }
                // A bare decimal written as text (an assumption without range or source).
                Value::String(text) if Decimal::from_str(text).is_ok() => {
                    *slot = Value::from(number.unwrap_or_else(|| cell.clone()));
                }
                _ => *slot = Value::from(cell.clone()),
            }
        }
        file
    }

    /// A cell as a decimal's text: "22,5" in a semicolon file is 22.5; spaces between
    /// thousands go.
    fn number(&self, cell: &str) -> Option<String> {
        let mut text: String = cell
            .chars()
            .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
            .collect();
        if self.decimal_comma {
            text = text.replace(',', ".");
        }
        Decimal::from_str(&text).ok().map(|_| text)
    }
}

/// `(low, high)` when the assumption has a range that `value` lies outside.
fn range_excludes(
    assumption: &serde_json::Map<String, Value>,
    value: &str,
) -> Option<(String, String)> {
    let decimal = |v: Option<&Value>| {
        v.and_then(Value::as_str)
            .and_then(|s| Decimal::from_str(s).ok())
    };
    let number = Decimal::from_str(value).ok()?;
    let (low, high) = (
        decimal(assumption.get("low"))?,
        decimal(assumption.get("high"))?,
    );
    (number < low || number > high).then(|| (low.to_string(), high.to_string()))
}

fn outside_note(value: &str, low: &str, high: &str, language: Language) -> String {
    (batch_words(language).outside_range)(value, low, high)
}

/// A file name from an organisation's name: lower-case letters and digits, accents
/// dropped, dashes between words, at most 60 characters; `fallback` when nothing is left.
pub fn slug(name: &str, fallback: &str) -> String {
    let mut slug = String::new();
    for c in name.chars() {
        let plain = match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' | 'À' | 'Á' | 'Â' | 'Ä' | 'Ã' | 'Å' => {
                "a"
            }
            'ç' | 'Ç' => "c",
            'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => "e",
            'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => "i",
            'ñ' | 'Ñ' => "n",
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' | 'Ò' | 'Ó' | 'Ô' | 'Ö' | 'Õ' => "o",
            'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => "u",
            'ý' | 'ÿ' | 'Ý' => "y",
            'œ' | 'Œ' => "oe",
            'æ' | 'Æ' => "ae",
            'ß' => "ss",
            c if c.is_ascii_alphanumeric() => {
                slug.push(c.to_ascii_lowercase());
                continue;
            }
            _ => "-",
        };
        slug.push_str(plain);
    }
    let mut joined = String::new();
    for part in slug.split('-').filter(|p| !p.is_empty()) {
        if joined.len() + part.len() + 1 > 60 {
            break;
        }
        if !joined.is_empty() {
            joined.push('-');
        }
        joined.push_str(part);
    }
    if joined.is_empty() {
        fallback.to_owned()
    } else {
        joined
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_become_file_names() {
        assert_eq!(
            slug("Société Générale des Eaux & Forêts", "m"),
            "societe-generale-des-eaux-forets"
        );
        assert_eq!(
            slug("  ŒUVRE — Île-de-France ", "m"),
            "oeuvre-ile-de-france"
        );
        assert_eq!(slug("***", "membre"), "membre");
        assert!(slug(&"abcdefghij ".repeat(20), "m").len() <= 60);
    }
}
