//! Calendar dates as the formats write them: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`.

/// Days in `month` (1–12) of `year`, Gregorian; 0 for a month that does not exist.
pub fn days_in_month(year: u32, month: u32) -> u32 {
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => 0,
    }
}

/// `(year, month, day)` of `YYYY`, `YYYY-MM` or `YYYY-MM-DD` when the date exists; month and
/// day are `None` when not written.
pub fn parse_partial(text: &str) -> Option<(u32, Option<u32>, Option<u32>)> {
    let numeric = |s: &str, len: usize| s.len() == len && s.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = text.split('-').collect();
    let (year, month, day) = match parts.as_slice() {
        [y] if numeric(y, 4) => (y, None, None),
        [y, m] if numeric(y, 4) && numeric(m, 2) => (y, Some(m), None),
        [y, m, d] if numeric(y, 4) && numeric(m, 2) && numeric(d, 2) => (y, Some(m), Some(d)),
        _ => return None,
    };
    let year: u32 = year.parse().ok()?;
    let month: Option<u32> = month.map(|m| m.parse()).transpose().ok()?;
    let day: Option<u32> = day.map(|d| d.parse()).transpose().ok()?;
    if let Some(month) = month {
        if !(1..=12).contains(&month) {
            return None;
        }
        if let Some(day) = day
            && !(1..=days_in_month(year, month)).contains(&day)
        {
            return None;
        }
    }
    Some((year, month, day))
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a month and a day that exist.
pub fn is_partial_date(text: &str) -> bool {
    parse_partial(text).is_some()
}

/// `YYYY-MM-DD`, a day that exists.
pub fn is_full_date(text: &str) -> bool {
    matches!(parse_partial(text), Some((_, Some(_), Some(_))))
}

const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A date as a reader writes it: "2022", "juin 2022" / "June 2022", "22 juin 2022" /
/// "22 June 2022"; a text that is not a date is returned as it is.
pub fn written_partial(text: &str, language: crate::Language) -> String {
    let Some((year, month, day)) = parse_partial(text) else {
        return text.to_owned();
    };
    let Some(month) = month else {
        return year.to_string();
    };
    let names = match language {
        crate::Language::Fr => &MONTHS_FR,
        crate::Language::En => &MONTHS_EN,
    };
    let name = names[(month.clamp(1, 12) - 1) as usize];
    match day {
        Some(day) => format!("{day} {name} {year}"),
        None => format!("{name} {year}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_real_dates() {
        for good in ["2022", "2022-06", "2022-06-22", "2024-02-29"] {
            assert!(is_partial_date(good), "{good}");
        }
        for bad in [
            "22",
            "2022-6",
            "2022-13",
            "2022-06-31",
            "2023-02-29",
            "2022-06-22-01",
            "juin 2022",
            "2022-00",
        ] {
            assert!(!is_partial_date(bad), "{bad}");
        }
        assert!(
            is_full_date("2026-11-29") && !is_full_date("2026-11") && !is_full_date("2026-02-30")
        );
        assert_eq!(days_in_month(2100, 2), 28);
        assert_eq!(days_in_month(2000, 2), 29);
    }

    #[test]
    fn dates_are_written_as_readers_write_them() {
        use crate::Language::{En, Fr};
        assert_eq!(written_partial("2022-06-22", Fr), "22 juin 2022");
        assert_eq!(written_partial("2022-06", En), "June 2022");
        assert_eq!(written_partial("2022", Fr), "2022");
        assert_eq!(written_partial("n.d.", En), "n.d.");
    }
}
