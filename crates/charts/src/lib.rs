//! Bascule's charts, defined once from the model's results and drawn the same way to SVG
//! (the screen) and into the PDF (the briefing): what the analyst sees is what the board
//! reads. A chart is a list of marks in points; the font's metrics lay its labels out.

pub mod font;
pub mod frame;
pub mod marks;
pub mod svg;
pub mod ticks;
pub mod words;

mod bridge;
mod cumulative_cost;
mod exceedance;
mod frontier;
mod risk_bars;
mod tornado;

pub use bridge::{bridge, bridge_height};
pub use cumulative_cost::cumulative_cost;
pub use exceedance::{loss_exceedance, loss_exceedance_with_appetite};
pub use frontier::{frontier, frontier_plot, frontier_x};
pub use marks::{Anchor, Chart, Color, DataTable, Mark, Stroke, TextStyle};
pub use risk_bars::{risk_bars, risk_bars_height};
pub use svg::{to_screen, to_svg};
pub use tornado::{tornado, tornado_height};
