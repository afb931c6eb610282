//! The trend of a series in words: how the value developed from the first
//! to the last year, whether that is progress by the indicator's
//! `richtung`, and where it peaked. The words come from the theme's strings
//! (`[monitoring.trend]`), so charts describe themselves in the page's language.

use super::format::number;
use crate::data::Richtung;
use crate::strings::Strings;

/// Whether a development is progress by the indicator's direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Verdict {
    Progress,
    Setback,
    Steady,
    /// Fewer than two values.
    Open,
}

impl Verdict {
    /// Key for strings and CSS classes.
    pub fn key(self) -> &'static str {
        match self {
            Verdict::Progress => "progress",
            Verdict::Setback => "setback",
            Verdict::Steady => "steady",
            Verdict::Open => "open",
        }
    }
}

/// The words for one series and the verdict behind them.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Trend {
    pub text: String,
    pub verdict: Verdict,
}

/// Replaces each `{name}` in `template` by its value.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (k, v) in args {
        out = out.replace(&format!("{{{k}}}"), v);
    }
    out
}

/// `A`, `A und B`, `A, B und C`.
pub fn join(names: &[&str], t: &Strings) -> String {
    match names {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} {} {last}", rest.join(", "), t.get("monitoring.and")),
    }
}

/// Describes `points` (year, value; sorted by year) in `place` (e.g. „im Kreis“).
pub fn describe(
    points: &[(i32, f64)],
    place: &str,
    unit: &str,
    decimals: usize,
    richtung: Richtung,
    t: &Strings,
) -> Trend {
    let key = |k: &str| t.get(&format!("monitoring.trend.{k}"));
    let num = |v: f64| number(v, decimals);
    let (Some(&(y0, v0)), Some(&(y1, v1))) = (points.first(), points.last()) else {
        return Trend {
            text: key("none"),
            verdict: Verdict::Open,
        };
    };
    if points.len() == 1 {
        return Trend {
            text: fill(
                &key("single"),
                &[
                    ("year", &y0.to_string()),
                    ("place", place),
                    ("value", &num(v0)),
                    ("unit", unit),
                ],
            ),
            verdict: Verdict::Open,
        };
    }
    let (a, b) = (num(v0), num(v1));
    let (word, verdict) = if a == b {
        ("same", Verdict::Steady)
    } else {
        let up = v1 > v0;
        let good = up == (richtung == Richtung::Steigend);
        (
            if up { "rose" } else { "fell" },
            if good {
                Verdict::Progress
            } else {
                Verdict::Setback
            },
        )
    };
    let goal = key(match richtung {
        Richtung::Steigend => "goal_up",
        Richtung::Fallend => "goal_down",
    });
    let mut text = fill(
        &key(word),
        &[
            ("from", &y0.to_string()),
            ("to", &y1.to_string()),
            ("place", place),
            ("a", &a),
            ("b", &b),
            ("unit", unit),
        ],
    );
    text.push(' ');
    text.push_str(&fill(&key(verdict.key()), &[("goal", &goal)]));
    // A peak or a low between the first and the last year changes the story.
    let inner = &points[1..points.len() - 1];
    let ends_max = v0.max(v1);
    let ends_min = v0.min(v1);
    if let Some(&(y, v)) = inner
        .iter()
        .fold(None, |m: Option<&(i32, f64)>, p| match m {
            Some(q) if q.1 >= p.1 => Some(q),
            _ => Some(p),
        })
        && num(v) != num(ends_max)
        && v > ends_max
    {
        text.push(' ');
        text.push_str(&fill(
            &key("peak"),
            &[("year", &y.to_string()), ("value", &num(v))],
        ));
    }
    if let Some(&(y, v)) = inner
        .iter()
        .fold(None, |m: Option<&(i32, f64)>, p| match m {
            Some(q) if q.1 <= p.1 => Some(q),
            _ => Some(p),
        })
        && num(v) != num(ends_min)
        && v < ends_min
    {
        text.push(' ');
        text.push_str(&fill(
            &key("low"),
            &[("year", &y.to_string()), ("value", &num(v))],
        ));
    }
    Trend { text, verdict }
}

/// „2025 reichten die Werte der Kommunen von 2,9 in Langenberg bis 6,1 in Verl.“
pub fn spread(year: i32, values: &[(&str, f64)], decimals: usize, t: &Strings) -> Option<String> {
    let min = values.iter().min_by(|a, b| a.1.total_cmp(&b.1))?;
    let max = values.iter().max_by(|a, b| a.1.total_cmp(&b.1))?;
    if values.len() < 2 {
        return None;
    }
    Some(fill(
        &t.get("monitoring.trend.spread"),
        &[
            ("year", &year.to_string()),
            ("min", &number(min.1, decimals)),
            ("min_name", min.0),
            ("max", &number(max.1, decimals)),
            ("max_name", max.0),
        ],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings() -> Strings {
        let text = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/strings/de.toml"),
        )
        .unwrap();
        Strings::parse(&text).unwrap()
    }

    const UNIT: &str = "Plätze je 1.000 Einwohner*innen";

    #[test]
    fn rising_value_that_should_rise_is_progress() {
        let t = strings();
        let pts = [(2018, 3.1), (2019, 3.4), (2025, 4.6)];
        let tr = describe(&pts, "im Kreis", UNIT, 1, Richtung::Steigend, &t);
        assert_eq!(tr.verdict, Verdict::Progress);
        assert_eq!(
            tr.text,
            "Von 2018 bis 2025 stieg der Wert im Kreis von 3,1 auf 4,6 Plätze je 1.000 Einwohner*innen. \
             Das ist ein Fortschritt, denn das Ziel ist ein steigender Wert."
        );
    }

    #[test]
    fn rising_value_that_should_fall_is_a_setback_and_peaks_are_named() {
        let t = strings();
        let pts = [(2018, 2.0), (2022, 9.5), (2025, 3.0)];
        let tr = describe(&pts, "in Verl", "Personen", 1, Richtung::Fallend, &t);
        assert_eq!(tr.verdict, Verdict::Setback);
        assert!(
            tr.text
                .contains("stieg der Wert in Verl von 2,0 auf 3,0 Personen"),
            "{}",
            tr.text
        );
        assert!(tr.text.contains("sinkender Wert"), "{}", tr.text);
        assert!(
            tr.text.contains("2022") && tr.text.contains("9,5"),
            "{}",
            tr.text
        );
    }

    #[test]
    fn equal_rounded_values_are_steady_and_one_value_is_open() {
        let t = strings();
        let tr = describe(
            &[(2020, 5.01), (2021, 4.99)],
            "im Kreis",
            "%",
            1,
            Richtung::Steigend,
            &t,
        );
        assert_eq!(tr.verdict, Verdict::Steady);
        assert!(tr.text.contains("5,0"), "{}", tr.text);
        let tr = describe(&[(2020, 5.0)], "im Kreis", "%", 1, Richtung::Steigend, &t);
        assert_eq!(tr.verdict, Verdict::Open);
        let tr = describe(&[], "im Kreis", "%", 1, Richtung::Steigend, &t);
        assert_eq!(tr.verdict, Verdict::Open);
    }

    #[test]
    fn spread_names_both_ends_and_join_reads_naturally() {
        let t = strings();
        let s = spread(
            2025,
            &[("Verl", 6.1), ("Langenberg", 2.9), ("Halle", 4.0)],
            1,
            &t,
        )
        .unwrap();
        assert!(
            s.contains("2,9 in Langenberg") && s.contains("6,1 in Verl"),
            "{s}"
        );
        assert_eq!(join(&["A", "B", "C"], &t), "A, B und C");
        assert_eq!(join(&["A"], &t), "A");
    }
}
