//! A publisher's PNG logo, decoded to 8-bit RGB(A) pixels for the PDF.

use printpdf::{RawImage, RawImageData, RawImageFormat};

/// The logo's pixels, or `None` when the file is not a PNG we can draw (it is then left out,
/// the publisher's name still shows).
pub fn decode_png(bytes: &[u8]) -> Option<RawImage> {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    // 8 bits per channel, palettes expanded: what the PDF's image takes.
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().ok()?;
    let mut pixels = vec![0; reader.output_buffer_size()?];
    let frame = reader.next_frame(&mut pixels).ok()?;
    pixels.truncate(frame.buffer_size());
    let (width, height) = (frame.width as usize, frame.height as usize);
    let (format, pixels) = match frame.color_type {
        png::ColorType::Rgb => (RawImageFormat::RGB8, pixels),
        png::ColorType::Rgba => (RawImageFormat::RGBA8, pixels),
        png::ColorType::Grayscale => (RawImageFormat::R8, pixels),
        // Grey with alpha: spread to RGBA.
        png::ColorType::GrayscaleAlpha => (
            RawImageFormat::RGBA8,
            pixels
                .chunks(2)
                .flat_map(|p| [p[0], p[0], p[0], p[1]])
                .collect(),
        ),
        png::ColorType::Indexed => return None,
    };
    if width == 0 || height == 0 || width > 4096 || height > 4096 {
        return None;
    }
    Some(RawImage {
        pixels: RawImageData::U8(pixels),
        width,
        height,
        data_format: format,
        tag: Vec::new(),
    })
}
