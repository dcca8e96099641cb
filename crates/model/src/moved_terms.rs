//! What moving changes, written once (model.md sections 4 and 5): each cost line of the
//! hybrid option less the public one's, and each risk's rate in the public option less the
//! hybrid's, is a coefficient times one yearly quantity. The yearly figures take that
//! quantity in year t (`evaluate`); the net benefit, which sensitivity, break-evens, the
//! frontier and the draws evaluate thousands of times, takes its discounted sum
//! (`cost_part`, `risk_part`). So the two cannot drift apart.

use crate::inputs::{Inputs, RiskInputs};
use crate::scalar::Scalar;
use crate::scenario::Exposure;

/// The users a year's difference scales with: those on the trusted offer that year
/// (`u_t`, the mean of the ramp at the year's two ends) or those migrated in it (`g_t`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Users {
    InPlace,
    Migrated,
}

impl Users {
    pub(crate) const ALL: [Users; 2] = [Users::InPlace, Users::Migrated];
}

/// What those users are multiplied by in year t: a price (€ per user-month) or the
/// inflation index `I_t`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Per {
    /// `P_pub(t)`
    PublicPrice,
    /// `P_tr(t)` at no premium
    TrustedPriceAtNoPremium,
    /// `I_t`
    Inflation,
}

impl Per {
    pub(crate) const ALL: [Per; 3] = [
        Per::PublicPrice,
        Per::TrustedPriceAtNoPremium,
        Per::Inflation,
    ];
}

/// One yearly quantity: `users_t · per_t`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Factor {
    pub(crate) users: Users,
    pub(crate) per: Per,
}

impl Factor {
    const fn of(users: Users, per: Per) -> Factor {
        Factor { users, per }
    }

    /// Its place among the six discounted sums.
    pub(crate) fn index(self) -> usize {
        let users = match self.users {
            Users::InPlace => 0,
            Users::Migrated => 3,
        };
        users
            + match self.per {
                Per::PublicPrice => 0,
                Per::TrustedPriceAtNoPremium => 1,
                Per::Inflation => 2,
            }
    }
}

/// The seven cost lines of model.md section 4.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CostLine {
    LicencesPublic,
    LicencesTrusted,
    OneOffPerUser,
    DualRun,
    FixedProject,
    TwoEstateOps,
    SensitiveDataControls,
}

/// A cost line of the hybrid less the public option's in year t: `coefficient · factor_t`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CostTerm<N> {
    pub(crate) line: CostLine,
    pub(crate) coefficient: N,
    pub(crate) factor: Factor,
}

/// What moving `M = s·N` users adds to each cost line (hybrid less public): their public
/// licences saved and trusted ones bought, the one-off cost per user, the dual run at the
/// public price, the fixed project cost, the second estate's operations, and the controls
/// of the sensitive data no longer needed where it is covered (`x`).
pub(crate) fn moved_costs<N: Scalar>(inputs: &Inputs<N>) -> [CostTerm<N>; 7] {
    let moved_users = inputs.moved_share * inputs.users;
    let premium_factor = N::ONE + inputs.premium_pct / N::HUNDRED;
    let term = |line, coefficient, users, per| CostTerm {
        line,
        coefficient,
        factor: Factor::of(users, per),
    };
    use Per::*;
    use Users::*;
    [
        term(
            CostLine::LicencesPublic,
            -(moved_users * N::TWELVE),
            InPlace,
            PublicPrice,
        ),
        term(
            CostLine::LicencesTrusted,
            moved_users * premium_factor * N::TWELVE,
            InPlace,
            TrustedPriceAtNoPremium,
        ),
        term(
            CostLine::OneOffPerUser,
            moved_users * inputs.one_off_per_user.total(),
            Migrated,
            Inflation,
        ),
        term(
            CostLine::DualRun,
            moved_users * inputs.dual_run_months,
            Migrated,
            PublicPrice,
        ),
        term(
            CostLine::FixedProject,
            inputs.fixed_project,
            Migrated,
            Inflation,
        ),
        term(
            CostLine::TwoEstateOps,
            moved_users * inputs.two_estate_ops * N::TWELVE,
            InPlace,
            Inflation,
        ),
        term(
            CostLine::SensitiveDataControls,
            -(inputs.controls_per_year * inputs.coverage),
            InPlace,
            Inflation,
        ),
    ]
}

/// How much lower `risk`'s rate is in the hybrid than in the public option in year t:
/// `coefficient · users_t` (negative for a risk moving introduces). Its expected loss
/// avoided is that times `E[X] · I_t`.
pub(crate) fn rate_reduction<N: Scalar>(risk: &RiskInputs<N>, inputs: &Inputs<N>) -> (N, Users) {
    let reduction = N::ONE - risk.trusted_multiplier;
    match risk.exposure {
        Exposure::SensitiveData => (risk.rate * inputs.coverage * reduction, Users::InPlace),
        Exposure::MovedUsers => (risk.rate * inputs.moved_share * reduction, Users::InPlace),
        Exposure::Introduced if risk.during_migration_only => (-risk.rate, Users::Migrated),
        Exposure::Introduced => (-risk.rate, Users::InPlace),
    }
}

/// `risk`'s rate in the public option: an introduced risk does not exist there.
pub(crate) fn public_rate<N: Scalar>(risk: &RiskInputs<N>) -> N {
    match risk.exposure {
        Exposure::SensitiveData | Exposure::MovedUsers => risk.rate,
        Exposure::Introduced => N::ZERO,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The discounted sums are kept by `index`: each factor at a place of its own, 0 to 5.
    #[test]
    fn each_factor_is_kept_at_its_own_place() {
        let mut places: Vec<usize> = Users::ALL
            .iter()
            .flat_map(|&users| {
                Per::ALL
                    .iter()
                    .map(move |&per| Factor::of(users, per).index())
            })
            .collect();
        places.sort_unstable();
        assert_eq!(places, (0..6).collect::<Vec<_>>());
    }
}
