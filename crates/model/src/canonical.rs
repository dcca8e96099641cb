//! The scenario hash: SHA-256 of the RFC 8785 (JCS) form of the parsed scenario
//! (model.md section 8), so that reformatting a file or reordering its keys never
//! changes it, while any change of value does.

use crate::scenario::Scenario;
use serde_json::Value;
use sha2::{Digest, Sha256};

/// The JCS text of the parsed scenario: every default written out, each assumption as
/// an object with exactly its present keys, decimals as shortest strings.
pub fn canonical_json(scenario: &Scenario) -> String {
    // Serialising our own plain types to a Value cannot fail (no map with non-string
    // keys, no non-finite float); Null would still hash consistently.
    jcs(&serde_json::to_value(scenario).unwrap_or(Value::Null))
}

/// The RFC 8785 (JCS) text of a JSON value whose numbers are all integers (our formats
/// write every decimal as a string): members sorted by UTF-16 code units, no whitespace.
pub fn jcs(value: &Value) -> String {
    let mut out = String::new();
    write_canonical(value, &mut out);
    out
}

/// `sha256:` and the lowercase hex digest of [`canonical_json`] (the version-2 form).
pub fn scenario_sha256(scenario: &Scenario) -> String {
    sha256(&canonical_json(scenario))
}

/// For a file read from format version 1, the hash of its version-1 canonical form (the
/// seal a version-1 build gave it), so that an existing seal can still be matched.
pub fn source_sha256(scenario: &Scenario) -> Option<String> {
    (scenario.version == 1).then(|| sha256(&jcs(&value_as_read(scenario))))
}

/// The scenario as a JSON value in the form of the version it was read from: a version-1
/// file without the fields version 2 added. What a signature made by a version-1 build
/// covers, so that a pack signed then still verifies.
pub fn value_as_read(scenario: &Scenario) -> Value {
    let mut value = serde_json::to_value(scenario).unwrap_or(Value::Null);
    if scenario.version != 1 {
        return value;
    }
    if let Value::Object(root) = &mut value {
        root.insert("version".into(), Value::from(1));
        root.remove("risk_appetite");
        for (parent, key) in [
            ("migration", "required_share_pct"),
            ("migration", "required_share_source"),
            ("simulation", "psa_draws"),
        ] {
            if let Some(Value::Object(object)) = root.get_mut(parent) {
                object.remove(key);
            }
        }
        if let Some(Value::Array(risks)) = root.get_mut("risks") {
            for risk in risks.iter_mut().filter_map(Value::as_object_mut) {
                risk.remove("scales_with_share");
            }
        }
    }
    value
}

fn sha256(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!("sha256:{hex}")
}

fn write_canonical(value: &Value, out: &mut String) {
    match value {
        Value::Object(map) => {
            // JCS orders members by the UTF-16 code units of their names.
            let mut members: Vec<(&String, &Value)> = map.iter().collect();
            members.sort_by(|a, b| a.0.encode_utf16().cmp(b.0.encode_utf16()));
            out.push('{');
            for (i, (key, member)) in members.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(key, out);
                out.push(':');
                write_canonical(member, out);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_canonical(item, out);
            }
            out.push(']');
        }
        Value::String(text) => write_string(text, out),
        // Only integers reach here (decimals are strings): their JSON text is JCS's.
        other => out.push_str(&other.to_string()),
    }
}

/// serde_json escapes exactly as JCS (ECMAScript `JSON.stringify`) does: `\"`, `\\`,
/// `\b \f \n \r \t`, other controls as lowercase `\u00xx`, everything else as is.
fn write_string(text: &str, out: &mut String) {
    // Serialising a str to JSON cannot fail.
    out.push_str(&serde_json::to_string(text).unwrap_or_default());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_as_jcs_requires() {
        let mut out = String::new();
        write_string("é\"\\\n\u{1}\u{7f}€/", &mut out);
        assert_eq!(out, "\"é\\\"\\\\\\n\\u0001\u{7f}€/\"");
    }

    #[test]
    fn members_are_sorted_by_utf16_code_units() {
        // U+E000 sorts after U+1F600 in UTF-16 (surrogates are D800–DFFF), before it in UTF-8.
        let value: Value =
            serde_json::json!({ "\u{1F600}": 1, "\u{E000}": 2, "b": [true, null], "a": "x" });
        let mut out = String::new();
        write_canonical(&value, &mut out);
        assert_eq!(
            out,
            "{\"a\":\"x\",\"b\":[true,null],\"\u{1F600}\":1,\"\u{E000}\":2}"
        );
    }
}
