//! A member of a scenario file by the path problems are reported at: `risks[0].source`,
//! `public_suite.plans[1].share_pct`. What the English reference and a members' CSV
//! (`bascule batch`) use to put a text or a number in its place.

use serde_json::Value;

/// The path of member `key` of the object at `path` (`""` is the file itself).
pub fn child(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// The member at `path` (names and `[index]`es), when it exists.
pub fn at_path_mut<'a>(value: &'a mut Value, path: &str) -> Option<&'a mut Value> {
    let mut node = value;
    for part in path.split('.') {
        let (key, indexes) = match part.find('[') {
            Some(at) => (&part[..at], &part[at..]),
            None => (part, ""),
        };
        if !indexes.is_empty() && !indexes.ends_with(']') {
            return None;
        }
        node = node.get_mut(key)?;
        for index in indexes.split_terminator(']') {
            let i = index.strip_prefix('[')?.parse::<usize>().ok()?;
            node = node.get_mut(i)?;
        }
    }
    Some(node)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_path_finds_its_member_or_nothing() {
        let mut file = json!({ "a": { "b": [ { "c": 1 }, { "c": 2 } ] }, "m": [[0, 7]] });
        assert_eq!(at_path_mut(&mut file, "a.b[1].c"), Some(&mut json!(2)));
        assert_eq!(at_path_mut(&mut file, "m[0][1]"), Some(&mut json!(7)));
        for missing in ["a.x", "a.b[2].c", "a.b[x]", "a.b[1", "", "a..b"] {
            assert_eq!(at_path_mut(&mut file, missing), None, "{missing}");
        }
    }
}
