//! The charts' colours for the print file: each RGB colour the charts use,
//! with its value in the print theme's CMYK palette (within 300 % ink).
//! The print step draws the same SVG with these inks instead of converting
//! the RGB values (see `print::cmyk`).

use super::chart::{GRID, INK, MUTED};

/// RGB as the charts write it → CMYK in percent.
pub const CMYK: &[(&str, [f64; 4])] = &[
    (INK, [0.0, 0.0, 0.0, 100.0]),
    (MUTED, [0.0, 0.0, 0.0, 75.0]),
    (GRID, [0.0, 0.0, 0.0, 18.0]),
    ("#ffffff", [0.0, 0.0, 0.0, 0.0]),
    // The municipalities' lines (marks.rs).
    ("#0b5c99", [100.0, 45.0, 0.0, 20.0]),
    ("#a84300", [0.0, 70.0, 100.0, 30.0]),
    ("#00704f", [100.0, 0.0, 75.0, 40.0]),
    ("#8e2c6e", [30.0, 90.0, 0.0, 35.0]),
    // The status fills (bars.rs).
    ("#dce8f6", [14.0, 5.0, 0.0, 0.0]),
    ("#1f3d66", [100.0, 60.0, 0.0, 45.0]),
    ("#f2b632", [0.0, 28.0, 90.0, 0.0]),
    ("#2d6a3a", [80.0, 0.0, 85.0, 45.0]),
    ("#e4e4e4", [0.0, 0.0, 0.0, 12.0]),
    ("#474747", [0.0, 0.0, 0.0, 75.0]),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_chart_colour_has_a_print_value_within_the_ink_limit() {
        let sources = [
            include_str!("marks.rs"),
            include_str!("bars.rs"),
            include_str!("chart.rs"),
        ]
        .join("\n");
        // Every `#rrggbb` in the chart code.
        let mut used: Vec<&str> = sources
            .match_indices('#')
            .filter_map(|(i, _)| sources.get(i..i + 7))
            .filter(|s| s[1..].chars().all(|c| c.is_ascii_hexdigit()))
            .collect();
        used.sort();
        used.dedup();
        for c in used {
            assert!(
                CMYK.iter().any(|(rgb, _)| rgb.eq_ignore_ascii_case(c)),
                "{c} has no print colour"
            );
        }
        for (rgb, v) in CMYK {
            assert!(v.iter().sum::<f64>() <= 300.0, "{rgb}");
        }
    }
}
