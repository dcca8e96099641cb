//! A JSON tree that keeps every number's text, so decimals are read exactly and
//! every problem of a file can be reported at once, in the user's language.
//!
//! serde_json checks the syntax; each object and array is then opened as raw text
//! (`RawValue`) so that a number reaches us as written, never as an `f64`.

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;
use std::fmt;

/// The largest file the reader opens. A scenario with 64 risks and long sources is
/// well under 100 KB; the cap keeps a wrong or hostile file from costing memory.
pub const MAX_FILE_BYTES: usize = 2 * 1024 * 1024;

/// One JSON value, numbers kept as their text.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(String),
    String(String),
    Array(Vec<Json>),
    /// Members in file order; duplicates are kept so that the reader can report them.
    Object(Vec<(String, Json)>),
}

/// Why a text is not JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JsonError {
    TooLarge {
        bytes: usize,
    },
    Syntax {
        line: usize,
        column: usize,
        detail: String,
    },
}

impl Json {
    pub fn parse(text: &str) -> Result<Json, JsonError> {
        if text.len() > MAX_FILE_BYTES {
            return Err(JsonError::TooLarge { bytes: text.len() });
        }
        let raw: &RawValue = serde_json::from_str(text).map_err(|e| JsonError::Syntax {
            line: e.line(),
            column: e.column(),
            detail: e.to_string(),
        })?;
        // The whole text is valid JSON now; opening its parts again cannot fail
        // but for a bug, which is still reported rather than unwrapped.
        from_raw(raw).map_err(|e| JsonError::Syntax {
            line: 0,
            column: 0,
            detail: e.to_string(),
        })
    }

    /// The value as JSON text again, numbers exactly as they were written.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Number(text) => out.push_str(text),
            // Serialising a str cannot fail.
            Json::String(text) => out.push_str(&serde_json::to_string(text).unwrap_or_default()),
            Json::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write(out);
                }
                out.push(']');
            }
            Json::Object(members) => {
                out.push('{');
                for (i, (key, value)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    out.push_str(&serde_json::to_string(key).unwrap_or_default());
                    out.push(':');
                    value.write(out);
                }
                out.push('}');
            }
        }
    }

    /// What kind of value this is, for messages.
    pub fn kind(&self) -> JsonKind {
        match self {
            Json::Null => JsonKind::Null,
            Json::Bool(_) => JsonKind::Bool,
            Json::Number(_) => JsonKind::Number,
            Json::String(_) => JsonKind::String,
            Json::Array(_) => JsonKind::Array,
            Json::Object(_) => JsonKind::Object,
        }
    }

    /// The value as it would be quoted in a message, cut short when long.
    pub fn excerpt(&self) -> String {
        let text = match self {
            Json::Null => "null".to_owned(),
            Json::Bool(b) => b.to_string(),
            Json::Number(n) => n.clone(),
            Json::String(s) => format!("{s:?}"),
            Json::Array(items) => format!("[… {} …]", items.len()),
            Json::Object(_) => "{…}".to_owned(),
        };
        if text.chars().count() > 60 {
            let cut: String = text.chars().take(57).collect();
            format!("{cut}…")
        } else {
            text
        }
    }
}

/// The kinds of JSON value, named in messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonKind {
    Null,
    Bool,
    Number,
    String,
    Array,
    Object,
}

fn from_raw(raw: &RawValue) -> Result<Json, serde_json::Error> {
    let text = raw.get().trim();
    Ok(match text.as_bytes().first() {
        Some(b'{') => {
            let Members(members) = serde_json::from_str(text)?;
            let mut out = Vec::with_capacity(members.len());
            for (key, value) in members {
                out.push((key, from_raw(value)?));
            }
            Json::Object(out)
        }
        Some(b'[') => {
            let items: Vec<&RawValue> = serde_json::from_str(text)?;
            Json::Array(items.into_iter().map(from_raw).collect::<Result<_, _>>()?)
        }
        Some(b'"') => Json::String(serde_json::from_str(text)?),
        Some(b't') => Json::Bool(true),
        Some(b'f') => Json::Bool(false),
        Some(b'n') => Json::Null,
        _ => Json::Number(text.to_owned()),
    })
}

/// An object's members as raw values, in order, duplicates kept.
struct Members<'a>(Vec<(String, &'a RawValue)>);

impl<'de: 'a, 'a> Deserialize<'de> for Members<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MembersVisitor<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for MembersVisitor<'a> {
            type Value = Members<'a>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Self::Value, M::Error> {
                let mut members = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    members.push((key, map.next_value::<&'de RawValue>()?));
                }
                Ok(Members(members))
            }
        }
        deserializer.deserialize_map(MembersVisitor(std::marker::PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_their_text() {
        let json = Json::parse(r#"{"a": 0.1, "b": [1e13, -2.50], "c": "x", "d": null, "e": true}"#);
        assert_eq!(
            json,
            Ok(Json::Object(vec![
                ("a".into(), Json::Number("0.1".into())),
                (
                    "b".into(),
                    Json::Array(vec![
                        Json::Number("1e13".into()),
                        Json::Number("-2.50".into())
                    ])
                ),
                ("c".into(), Json::String("x".into())),
                ("d".into(), Json::Null),
                ("e".into(), Json::Bool(true)),
            ]))
        );
    }

    #[test]
    fn duplicate_keys_are_kept_for_the_reader_to_report() {
        let json = Json::parse(r#"{"a": 1, "a": 2}"#);
        assert!(matches!(json, Ok(Json::Object(m)) if m.len() == 2));
    }

    #[test]
    fn syntax_errors_give_line_and_column() {
        let err = Json::parse("{\n  \"a\": 1,\n  \"b\": \n}");
        assert!(
            matches!(err, Err(JsonError::Syntax { line: 4, .. })),
            "{err:?}"
        );
        assert!(matches!(
            Json::parse(r#"{"a": 1"#),
            Err(JsonError::Syntax { .. })
        ));
        assert!(matches!(Json::parse(""), Err(JsonError::Syntax { .. })));
    }

    #[test]
    fn the_tree_writes_back_as_the_same_json() {
        let text = r#"{"a":0.10,"b":[1e13,-2.50,"x\"y"],"c":{"d":null,"e":true}}"#;
        let json = Json::parse(text).expect("valid");
        assert_eq!(json.to_text(), text);
    }

    #[test]
    fn escaped_strings_are_decoded() {
        assert_eq!(
            Json::parse(r#""\u00e9t\u00e9 \"€\"""#),
            Ok(Json::String("été \"€\"".into()))
        );
    }

    #[test]
    fn oversized_files_are_refused_before_parsing() {
        let big = " ".repeat(MAX_FILE_BYTES + 1);
        assert_eq!(
            Json::parse(&big),
            Err(JsonError::TooLarge {
                bytes: MAX_FILE_BYTES + 1
            })
        );
    }
}
