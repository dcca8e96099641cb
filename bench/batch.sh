#!/usr/bin/env bash
# An association's batch, timed: 150 members of varied sizes, sectors, plan mixes, shares
# and premiums on the French reference, `bascule batch` as a whole process (wall, CPU,
# peak memory), three runs; then one `brief` of the reference, eleven runs.
# Usage: bench/batch.sh [runs]   (needs /usr/bin/time, Debian's `time` package)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
cargo build --release --locked -p bascule
bascule=target/release/bascule
work=target/bench-batch
rm -rf "$work" && mkdir -p "$work"
"$bascule" defaults --lang fr > "$work/reference.json"
python3 - "$work/members.csv" <<'EOF'
import sys
sectors = ["state", "critical_operator", "regulated", "private"]
rows = ["organisation.name,organisation.users,organisation.sector,"
        "public_suite.plans[0].share_pct,public_suite.plans[1].share_pct,"
        "migration.moved_share_pct,trusted_offer.premium_pct"]
for n in range(1, 151):
    e3 = 50 + (n * 13) % 50
    premium = "60" if n % 10 == 0 else str(10 + n % 40)
    rows.append(f'"Membre {n}, {sectors[n % 4]}",{500 + (n * 7919) % 60000},'
                f'{sectors[n % 4]},{e3},{100 - e3},{15 + n % 20}.5,{premium}')
open(sys.argv[1], "w").write("\n".join(rows) + "\n")
EOF
for run in $(seq 1 "$runs"); do
    rm -rf "$work/out"
    /usr/bin/time -f "batch of 150: %e s wall, %U s user, %S s system, peak %M KB" \
        "$bascule" batch "$work/members.csv" --scenario "$work/reference.json" \
        -o "$work/out" --date 2026-12-01 > /dev/null
done
for run in $(seq 1 11); do
    /usr/bin/time -f "%e %U" "$bascule" brief "$work/reference.json" --date 2026-12-01 \
        -o "$work/reference.pdf" 2>&1 > /dev/null | tail -1
done | sort -n | awk '{ wall[NR] = $1; user += $2 }
    END { printf "one brief: %.2f s wall (median of %d), %.2f s user\n", wall[int((NR + 1) / 2)], NR, user / NR }'
