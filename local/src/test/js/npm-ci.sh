#!/bin/sh
# Installs the JavaScript clients that JavaScriptClientsIT runs, exactly as package-lock.json pins them, with
# `npm ci`. The Maven build runs this before the integration tests and passes the values of skipTests, skipITs and
# maven.test.skip as arguments, because a Maven plugin's skip parameter takes only one property. A property that is
# not set arrives as its literal ${...} text, which is not "true".
set -eu
cd "$(dirname "$0")"

for skip in "$@"; do
  if [ "$skip" = true ]; then
    echo "Integration tests are skipped, so npm ci does not run."
    exit 0
  fi
done

if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
  message="npm or node was not found on the PATH. JavaScriptClientsIT needs Node.js 20 or newer with npm to check
that independent JavaScript clients read the topics; install both to run it."
  # CI must run every compatibility check, so a missing Node.js fails the build there; elsewhere the check is skipped.
  if [ "${CI:-}" = true ]; then
    echo "$message" >&2
    exit 1
  fi
  echo "WARNING: $message JavaScriptClientsIT is skipped."
  exit 0
fi
node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
  echo "Node.js $(node --version) is too old: the JavaScript clients in local/src/test/js need Node.js 20 or newer." >&2
  exit 1
fi

# npm ci deletes and rewrites all of node_modules, which took about 30 s on a 2-core machine. It is skipped while
# node_modules was installed from the same package.json and package-lock.json.
installed=node_modules/.circlebridge-installed-from
wanted=$(cat package.json package-lock.json | cksum)
if [ -f "$installed" ] && [ "$(cat "$installed")" = "$wanted" ]; then
  echo "node_modules was installed from the current package-lock.json; npm ci is not needed."
  exit 0
fi
# No package here needs an install script, so none runs.
npm ci --ignore-scripts --no-audit --no-fund
echo "$wanted" > "$installed"
