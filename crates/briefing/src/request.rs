//! A briefing asked for by a user, from the command line or the app, made one way: the
//! labels checked, the decision's pass run once (its simulation at the scenario's share is
//! the risk page's), the PDF rendered. Where it is written is the caller's.

use crate::{Briefing, BriefingError, BriefingOptions, MAX_LABEL_CHARS};
use bascule_model::decide::{Decision, DecisionSettings, decide_with};
use bascule_model::problem::{Problem, ProblemKind};
use bascule_model::{Evaluation, Scenario, evaluate_scenario};

/// A label the user types and the briefing prints on one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    Organisation,
    Marking,
}

impl Label {
    /// The problem to report at `field`, the caller's name for this label (`--org` on the
    /// command line, `organisation` in the app's export dialog).
    pub fn too_long(self, field: &str, found: usize) -> Problem {
        let kind = ProblemKind::Length {
            min: 0,
            max: MAX_LABEL_CHARS,
            found,
        };
        Problem::new(field, None, kind)
    }
}

/// Why a briefing was not made.
#[derive(Debug, thiserror::Error)]
pub enum Refusal {
    #[error("{label:?}: {found} characters, at most {MAX_LABEL_CHARS}")]
    TooLong { label: Label, found: usize },
    #[error(transparent)]
    Render(#[from] BriefingError),
}

/// The PDF, and what it was computed from (a batch's summary line reads them).
#[derive(Debug)]
pub struct Briefed {
    pub pdf: Vec<u8>,
    pub evaluation: Evaluation,
    pub decision: Decision,
}

impl BriefingOptions {
    /// The first label longer than [`MAX_LABEL_CHARS`], and its length in characters.
    pub fn overlong_label(&self) -> Option<(Label, usize)> {
        [
            (Label::Organisation, &self.organisation),
            (Label::Marking, &self.marking),
        ]
        .into_iter()
        .map(|(label, text)| (label, text.as_deref().map_or(0, |t| t.chars().count())))
        .find(|&(_, found)| found > MAX_LABEL_CHARS)
    }
}

/// The briefing of `scenario` with `options`, its decision page computed with `settings`.
pub fn brief(
    scenario: &Scenario,
    options: &BriefingOptions,
    settings: DecisionSettings,
) -> Result<Briefed, Refusal> {
    if let Some((label, found)) = options.overlong_label() {
        return Err(Refusal::TooLong { label, found });
    }
    let evaluation = evaluate_scenario(scenario);
    let decision = decide_with(scenario, settings, true);
    let pdf = crate::render(&Briefing {
        scenario,
        evaluation: &evaluation,
        simulation: &decision.simulation,
        decision: Some(&decision),
        options,
    })?;
    Ok(Briefed {
        pdf,
        evaluation,
        decision,
    })
}
