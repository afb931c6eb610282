//! Colour conversion for the print files: sRGB (or an image's own ICC
//! profile) to the print shop's CMYK profile with Little CMS, or, without a
//! profile, a plain device conversion. Neutral colours (grey, black,
//! white) always become black ink alone, and no colour uses more than the
//! ink limit.

use lcms2::{ColorSpaceSignature, Intent, PixelFormat, Profile, Transform};

/// CMYK in percent (0–100 each).
pub type Cmyk = [f64; 4];

/// The largest difference between the channels of a colour still taken as
/// grey (JPEG and anti-aliasing leave a unit or two).
const NEUTRAL: u8 = 3;

/// How RGB becomes CMYK for one print file.
pub struct Colours {
    /// sRGB → the printer's CMYK, when book.toml names a profile.
    transform: Option<Transform<[u8; 3], [u8; 4]>>,
    profile: Option<Profile>,
    /// Colours with a fixed print value (konzept's chart palette).
    palette: Vec<([u8; 3], Cmyk)>,
    /// The most ink a colour may use, in percent.
    pub max_ink: f64,
}

impl Colours {
    /// With `profile` (the bytes of a CMYK ICC profile) colours are managed;
    /// without, they are converted by the device formula.
    pub fn new(profile: Option<&[u8]>, max_ink: f64) -> Result<Colours, crate::i18n::Msg> {
        let Some(bytes) = profile else {
            return Ok(Colours {
                transform: None,
                profile: None,
                palette: Vec::new(),
                max_ink,
            });
        };
        let out = Profile::new_icc(bytes)
            .map_err(|e| crate::msg!("reason-not-icc", detail = e.to_string()))?;
        if out.color_space() != ColorSpaceSignature::CmykData {
            return Err(crate::msg!("reason-not-cmyk-profile"));
        }
        let t = Transform::new(
            &Profile::new_srgb(),
            PixelFormat::RGB_8,
            &out,
            PixelFormat::CMYK_8,
            Intent::Perceptual,
        )
        .map_err(|e| crate::msg!("reason-lcms", detail = e.to_string()))?;
        Ok(Colours {
            transform: Some(t),
            profile: Some(out),
            palette: Vec::new(),
            max_ink,
        })
    }

    /// Gives `#rrggbb` colours fixed CMYK values (used before conversion).
    pub fn with_palette(mut self, palette: &[(&str, Cmyk)]) -> Colours {
        self.palette = palette
            .iter()
            .filter_map(|(hex, c)| Some((parse_hex(hex)?, *c)))
            .collect();
        self
    }

    /// Whether colours go through a profile.
    pub fn managed(&self) -> bool {
        self.transform.is_some()
    }

    /// One sRGB colour in print: grey on the black plate, other colours
    /// through the profile, within the ink limit.
    pub fn rgb(&self, c: [u8; 3]) -> Cmyk {
        if let Some((_, fixed)) = self.palette.iter().find(|(rgb, _)| *rgb == c) {
            return limit(*fixed, self.max_ink);
        }
        if is_neutral(c) {
            return gray_k(c);
        }
        let raw = match &self.transform {
            Some(t) => {
                let mut out = [[0u8; 4]];
                t.transform_pixels(&[c], &mut out);
                out[0].map(|v| f64::from(v) / 2.55)
            }
            None => device(c),
        };
        limit(raw.map(round1), self.max_ink)
    }

    /// A colour that must stay one ink (small text, hairlines): black of
    /// the same lightness.
    pub fn one_ink(&self, c: [u8; 3]) -> Cmyk {
        match self.palette.iter().find(|(rgb, _)| *rgb == c) {
            Some((_, fixed)) if fixed[..3].iter().all(|&v| v == 0.0) => *fixed,
            _ => gray_k(c),
        }
    }

    /// Pixels of a raster image in 8-bit CMYK (255 = full ink), from the
    /// image's own ICC profile when it has one, else from sRGB. A picture
    /// without colour goes on the black plate alone.
    pub fn pixels(&self, rgb: &[[u8; 3]], icc: Option<&[u8]>) -> Vec<[u8; 4]> {
        if rgb.iter().all(|p| is_neutral(*p)) {
            return rgb.iter().map(|p| to_u8(gray_k(*p))).collect::<Vec<_>>();
        }
        let own = icc
            .and_then(|b| Profile::new_icc(b).ok())
            .filter(|p| p.color_space() == ColorSpaceSignature::RgbData);
        let transform = match (&self.profile, own) {
            (Some(out), Some(input)) => Transform::new(
                &input,
                PixelFormat::RGB_8,
                out,
                PixelFormat::CMYK_8,
                Intent::Perceptual,
            )
            .ok(),
            _ => None,
        };
        let mut out = vec![[0u8; 4]; rgb.len()];
        match transform.as_ref().or(self.transform.as_ref()) {
            Some(t) => t.transform_pixels(rgb, &mut out),
            None => {
                for (o, p) in out.iter_mut().zip(rgb) {
                    *o = to_u8(device(*p));
                }
            }
        }
        let max = self.max_ink * 2.55;
        for o in &mut out {
            let total: f64 = o.iter().map(|&v| f64::from(v)).sum();
            if total > max {
                *o = to_u8(limit(o.map(|v| f64::from(v) / 2.55), self.max_ink));
            }
        }
        out
    }
}

/// Grey (all channels within a few units).
pub fn is_neutral(c: [u8; 3]) -> bool {
    let (lo, hi) = (c.iter().min().unwrap(), c.iter().max().unwrap());
    hi - lo <= NEUTRAL
}

/// Black ink alone, as much as the colour is dark (its luminance).
pub fn gray_k(c: [u8; 3]) -> Cmyk {
    let [r, g, b] = c.map(f64::from);
    let luma = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255.0;
    [
        0.0,
        0.0,
        0.0,
        round1(100.0 * (1.0 - luma)).clamp(0.0, 100.0),
    ]
}

/// The device formula with full grey replacement: black takes the common
/// part, cyan, magenta and yellow the rest (at most 300 % in total).
fn device(c: [u8; 3]) -> Cmyk {
    let [r, g, b] = c.map(|v| f64::from(v) / 255.0);
    let k = 1.0 - r.max(g).max(b);
    if k >= 1.0 {
        return [0.0, 0.0, 0.0, 100.0];
    }
    let f = |x: f64| 100.0 * (1.0 - x - k) / (1.0 - k);
    [f(r), f(g), f(b), 100.0 * k]
}

/// Lowers cyan, magenta and yellow together until the total is `max`.
pub fn limit(c: Cmyk, max: f64) -> Cmyk {
    let total: f64 = c.iter().sum();
    if total <= max {
        return c;
    }
    let cmy = c[0] + c[1] + c[2];
    let room = (max - c[3]).max(0.0);
    let f = if cmy > 0.0 { room / cmy } else { 0.0 };
    // Round down so that the rounded values stay within the limit.
    let down = |x: f64| (x * f * 10.0).floor() / 10.0;
    [down(c[0]), down(c[1]), down(c[2]), c[3]]
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

fn to_u8(c: Cmyk) -> [u8; 4] {
    c.map(|v| (v * 2.55).round().clamp(0.0, 255.0) as u8)
}

/// `#1d5e8c` → `[29, 94, 140]`.
pub fn parse_hex(s: &str) -> Option<[u8; 3]> {
    let h = s.strip_prefix('#')?;
    if h.len() != 6 {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grey_goes_on_the_black_plate_and_colours_stay_within_the_limit() {
        let c = Colours::new(None, 300.0).unwrap();
        assert_eq!(c.rgb([0, 0, 0]), [0.0, 0.0, 0.0, 100.0]);
        assert_eq!(c.rgb([26, 26, 26]), [0.0, 0.0, 0.0, 89.8]);
        assert_eq!(c.rgb([255, 255, 255]), [0.0, 0.0, 0.0, 0.0]);
        let blue = c.rgb([29, 94, 140]);
        assert!(blue[0] > 70.0 && blue[3] > 40.0, "{blue:?}");
        let fixed = Colours::new(None, 300.0).unwrap().with_palette(&[
            ("#1d5e8c", [100.0, 45.0, 0.0, 20.0]),
            ("#4a5459", [0.0, 0.0, 0.0, 75.0]),
        ]);
        assert_eq!(fixed.rgb([29, 94, 140]), [100.0, 45.0, 0.0, 20.0]);
        assert_eq!(fixed.one_ink([74, 84, 89]), [0.0, 0.0, 0.0, 75.0]);
        let tight = Colours::new(None, 120.0).unwrap();
        let t = tight.rgb([10, 60, 20]);
        assert!(t.iter().sum::<f64>() <= 120.0, "{t:?}");
    }

    #[test]
    fn a_profile_that_is_not_cmyk_is_refused() {
        let srgb = Profile::new_srgb().icc().unwrap();
        let e = Colours::new(Some(&srgb), 300.0).err().unwrap();
        assert_eq!(e.render(crate::i18n::Lang::En), "not a CMYK profile");
        assert!(Colours::new(Some(b"nonsense"), 300.0).is_err());
    }

    #[test]
    fn limit_keeps_black_and_lowers_the_rest() {
        assert_eq!(limit([100.0, 100.0, 100.0, 100.0], 300.0)[3], 100.0);
        let l = limit([100.0, 100.0, 100.0, 100.0], 300.0);
        assert!(l.iter().sum::<f64>() <= 300.0);
        assert_eq!(parse_hex("#ff8000"), Some([255, 128, 0]));
        assert_eq!(parse_hex("red"), None);
    }
}
