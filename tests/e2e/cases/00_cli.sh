# Dispatch, help and version.
expect 0 'usage: claims COMMAND' -- "$bin" --help
expect 2 'usage: claims COMMAND' -- "$bin"
expect 0 '^claims [0-9]+\.[0-9]+' -- "$bin" --version
expect 2 "no command 'frobnicate'" -- "$bin" frobnicate
expect 0 'usage: claims extract' -- "$bin" help extract
