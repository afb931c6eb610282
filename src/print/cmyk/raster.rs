//! A raster image (PNG or JPEG) for the print file: decoded, its pixels
//! converted to CMYK (from its own ICC profile when it has one), laid on
//! white where it is transparent, and written as a CMYK JPEG, which typst
//! embeds as it is (DeviceCMYK). The pixel count stays the same.

use super::colour::Colours;
use image::ImageDecoder;
use std::io::Cursor;

/// JPEG quality of the print copy.
const QUALITY: u8 = 92;

/// The converted image and its highest total ink, in percent.
pub struct Raster {
    pub jpeg: Vec<u8>,
    pub max_ink: f64,
}

/// Converts a PNG or JPEG file's bytes.
pub fn convert(bytes: &[u8], colours: &Colours) -> Result<Raster, String> {
    let reader = image::ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| e.to_string())?;
    let mut decoder = reader.into_decoder().map_err(|e| e.to_string())?;
    let icc = decoder.icc_profile().ok().flatten();
    let img = image::DynamicImage::from_decoder(decoder).map_err(|e| e.to_string())?;
    let rgba = img.to_rgba8();
    let (w, h) = rgba.dimensions();
    if w > u32::from(u16::MAX) || h > u32::from(u16::MAX) {
        return Err(format!("{w} × {h} pixels is more than a JPEG can hold"));
    }
    let rgb: Vec<[u8; 3]> = rgba
        .pixels()
        .map(|p| {
            let a = u32::from(p[3]);
            // Over white paper.
            let over = |c: u8| ((u32::from(c) * a + 255 * (255 - a) + 127) / 255) as u8;
            [over(p[0]), over(p[1]), over(p[2])]
        })
        .collect();
    let cmyk = colours.pixels(&rgb, icc.as_deref());
    let max_ink = cmyk
        .iter()
        .map(|p| p.iter().map(|&v| u32::from(v)).sum::<u32>())
        .max()
        .unwrap_or(0) as f64
        / 2.55;
    let flat: Vec<u8> = cmyk.into_iter().flatten().collect();
    let mut jpeg = Vec::new();
    let enc = jpeg_encoder::Encoder::new(&mut jpeg, QUALITY);
    enc.encode(&flat, w as u16, h as u16, jpeg_encoder::ColorType::Cmyk)
        .map_err(|e| e.to_string())?;
    Ok(Raster {
        jpeg,
        max_ink: (max_ink * 10.0).round() / 10.0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_png_becomes_a_cmyk_jpeg_of_the_same_size() {
        let mut png = Vec::new();
        let img = image::RgbaImage::from_fn(8, 4, |x, _| {
            if x < 4 {
                image::Rgba([200, 30, 30, 255])
            } else {
                image::Rgba([0, 0, 0, 0])
            }
        });
        img.write_to(&mut Cursor::new(&mut png), image::ImageFormat::Png)
            .unwrap();
        let r = convert(&png, &Colours::new(None, 300.0).unwrap()).unwrap();
        let back = image::ImageReader::new(Cursor::new(&r.jpeg))
            .with_guessed_format()
            .unwrap();
        assert_eq!(back.format(), Some(image::ImageFormat::Jpeg));
        let d = back.into_decoder().unwrap();
        assert_eq!(d.dimensions(), (8, 4));
        // The Adobe marker says CMYK.
        assert!(r.jpeg.windows(5).any(|w| w == b"Adobe"));
        assert!(r.max_ink > 80.0 && r.max_ink <= 300.0, "{}", r.max_ink);
    }
}
