//! Axes: "nice" tick values (1, 2, 2.5 or 5 times a power of ten) that
//! cover the data, and the linear map from values to pixels.

use super::format::decimals_of;

/// A value axis: from `lo` to `hi` in steps of `step`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Axis {
    pub lo: f64,
    pub hi: f64,
    pub step: f64,
    /// Decimals the tick labels need.
    pub decimals: usize,
}

impl Axis {
    /// Nice ticks covering `min..=max` with at most `target` intervals.
    /// The axis starts at zero when the data is not far from it, so small
    /// changes do not look dramatic; `whole` (for counts) keeps the step a
    /// whole number and always starts at zero.
    pub fn nice(min: f64, max: f64, target: usize, whole: bool) -> Axis {
        let (mut min, mut max) = if min.is_finite() && max.is_finite() && min <= max {
            (min, max)
        } else {
            (0.0, 1.0)
        };
        if min >= 0.0 && (whole || min <= max * 0.5) {
            min = 0.0;
        }
        if max - min < 1e-9 {
            let pad = if max.abs() > 1e-9 {
                max.abs() * 0.1
            } else {
                1.0
            };
            min = if min >= 0.0 && min - pad < 0.0 {
                0.0
            } else {
                min - pad
            };
            max += pad;
        }
        // The smallest nice step that needs at most `target` intervals.
        let k0 = (max - min).log10().floor() as i32 - 2;
        let steps = (k0..=k0 + 4)
            .flat_map(|k| [1.0, 2.0, 2.5, 5.0].map(|m| m * 10f64.powi(k)))
            .filter(|s| !whole || (s.fract() == 0.0 && *s >= 1.0));
        let intervals = |s: f64| ((max / s - 1e-9).ceil() - (min / s + 1e-9).floor()) as usize;
        let step = steps
            .clone()
            .find(|s| intervals(*s) <= target.max(1))
            .unwrap_or_else(|| steps.clone().next_back().unwrap_or(1.0));
        let decimals = decimals_of([step]);
        let round = |v: f64| {
            let f = 10f64.powi(decimals as i32);
            (v * f).round() / f
        };
        let lo = round((min / step + 1e-9).floor() * step);
        let mut hi = round((max / step - 1e-9).ceil() * step);
        if hi <= lo {
            hi = round(lo + step);
        }
        Axis {
            lo,
            hi,
            step,
            decimals,
        }
    }

    /// The tick values from `lo` to `hi`, rounded to the label precision.
    pub fn ticks(&self) -> Vec<f64> {
        let n = ((self.hi - self.lo) / self.step).round() as i64;
        let f = 10f64.powi(self.decimals as i32);
        (0..=n)
            .map(|i| ((self.lo + i as f64 * self.step) * f).round() / f)
            .collect()
    }
}

/// Maps the domain `d0..d1` linearly onto the range `r0..r1`.
#[derive(Debug, Clone, Copy)]
pub struct Linear {
    pub d0: f64,
    pub d1: f64,
    pub r0: f64,
    pub r1: f64,
}

impl Linear {
    pub fn at(&self, v: f64) -> f64 {
        if (self.d1 - self.d0).abs() < 1e-12 {
            return (self.r0 + self.r1) / 2.0;
        }
        self.r0 + (v - self.d0) / (self.d1 - self.d0) * (self.r1 - self.r0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ticks(min: f64, max: f64) -> Vec<f64> {
        Axis::nice(min, max, 5, false).ticks()
    }

    #[test]
    fn nice_ticks_cover_the_data() {
        assert_eq!(ticks(3.1, 6.0), vec![3.0, 4.0, 5.0, 6.0]);
        assert_eq!(ticks(44.5, 56.0), vec![40.0, 45.0, 50.0, 55.0, 60.0]);
        assert_eq!(ticks(97.0, 130.0), vec![90.0, 100.0, 110.0, 120.0, 130.0]);
        assert_eq!(ticks(0.3, 4.2), vec![0.0, 1.0, 2.0, 3.0, 4.0, 5.0]);
        assert_eq!(ticks(-2.0, 3.0), vec![-2.0, -1.0, 0.0, 1.0, 2.0, 3.0]);
        assert_eq!(ticks(0.12, 0.19), vec![0.12, 0.14, 0.16, 0.18, 0.2]);
    }

    #[test]
    fn flat_and_empty_data_still_get_an_axis() {
        let a = Axis::nice(5.0, 5.0, 5, false);
        assert!(a.lo <= 5.0 && a.hi > 5.0, "{a:?}");
        let a = Axis::nice(0.0, 0.0, 5, true);
        assert_eq!((a.lo, a.hi), (0.0, 1.0));
        let a = Axis::nice(f64::NAN, f64::NAN, 5, false);
        assert_eq!((a.lo, a.hi), (0.0, 1.0));
    }

    #[test]
    fn counts_get_whole_steps() {
        let a = Axis::nice(0.0, 3.0, 5, true);
        assert_eq!(a.ticks(), vec![0.0, 1.0, 2.0, 3.0]);
        assert_eq!(a.decimals, 0);
    }

    #[test]
    fn linear_maps_both_ways_round() {
        let l = Linear {
            d0: 0.0,
            d1: 10.0,
            r0: 300.0,
            r1: 100.0,
        };
        assert_eq!(l.at(0.0), 300.0);
        assert_eq!(l.at(5.0), 200.0);
        assert_eq!(l.at(10.0), 100.0);
    }
}
