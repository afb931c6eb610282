# Shared settings for konzept's scripts; sourced, not run.
# Everything installed lives outside the checkout, so fresh clones (CI) reuse it.
KONZEPT_CACHE="${KONZEPT_CACHE:-$HOME/.cache/konzept}"
TYPST_VERSION="0.15.1"
TYPST_ROOT="$KONZEPT_CACHE/typst-$TYPST_VERSION"
export KONZEPT_TYPST="${KONZEPT_TYPST:-$TYPST_ROOT/bin/typst}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$KONZEPT_CACHE/target}"
NODE_DIR="$KONZEPT_CACHE/node"
export NODE_PATH="$NODE_DIR/node_modules"
# The Pagefind CLI the build benchmark compares with (scripts/install-deps).
export KONZEPT_PAGEFIND="${KONZEPT_PAGEFIND:-$NODE_DIR/pagefind/node_modules/@pagefind/linux-x64/bin/pagefind_extended}"
