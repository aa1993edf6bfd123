#!/usr/bin/env bash
# Proves that every C# line a kata README tells the learner to write compiles with the settings of
# katas/Katas.csproj: nullable, warnings as errors, the threading and banned-API analyzers (with
# solutions/BannedSymbols.txt) and .editorconfig (the section of the kata's folder included).
#
# What it checks: every ```csharp block in katas/K*/README.md. Each block becomes the body of a
# method in a generated file in the kata's folder and namespace, next to the reference solution's
# code (so the kata's own types and methods exist). Imports are the learner's: every file (the
# solution's and the generated ones) has exactly the using directives of the kata's stub (the file of
# that name in katas/, all the stub's files for a generated one) plus those the README names on its
# imports line ("Imports: `using X;` ..."); a solution that needs one more fails here, so the README
# must name it. README.zh-CN.md has the same code blocks (tests/SupportTests/ReadmeLanguagesTests.cs),
# so checking README.md checks both. The method's parameters give the names a line may use:
#     TextWriter output, TimeProvider time, TaskScheduler threads, CancellationToken token, TimeSpan delay
# An HTML comment right before the block can change that, with options separated by ';':
#     <!-- snippet: sync -->                    a void method instead of an async Task one
#     <!-- snippet: member -->                  the block is a whole member of a class (a method, a field)
#     <!-- snippet: params string url, IBlockingDownloader downloader -->   extra parameters
#     <!-- snippet: in FourJobs.cs -->          appended to that file of the kata instead of a file of its own,
#                                               so the .editorconfig section of that file applies
#     <!-- snippet: expect VSTHRD002 -->        the block is a mistake: the build must refuse it with that rule
#     <!-- snippet: expect RS0030 Thread.Sleep --> ... with that rule, for that symbol (its message quotes the
#                                               symbol: "The symbol 'Thread.Sleep(int)' is banned ...")
#     <!-- snippet: skip -->                    not checked (say why in the README)
# All blocks are built together, once; errors are reported at the README's file and line.
# Ends with "N passed, N failed"; exits non-zero when any block fails.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The katas project as shipped, with the solutions' code in it (each kata complete and compiling).
cp Directory.Build.props Directory.Packages.props .editorconfig "$tmp"/
[ -f global.json ] && cp global.json "$tmp"/
[ -f NuGet.config ] && cp NuGet.config "$tmp"/
mkdir -p "$tmp/katas" "$tmp/solutions"
cp solutions/*.targets solutions/PublicAPI.*.txt solutions/vs-threading.*.txt solutions/BannedSymbols*.txt "$tmp/solutions/"
cp katas/Katas.csproj "$tmp/katas/"
# The library the katas reference (K23's checks run on the virtual loop).
mkdir -p "$tmp/src"
cp src/Package.props "$tmp/src/" && cp -r src/VirtualTimeLoop "$tmp/src/" && rm -rf "$tmp/src/VirtualTimeLoop/bin" "$tmp/src/VirtualTimeLoop/obj"
usings_re='^using [A-Za-z0-9_.]+;'
for dir in solutions/K*/; do
  kata=$(basename "$dir")
  mkdir -p "$tmp/katas/$kata"
  # The imports the README names (its "Imports:" line), then each file with the stub's usings plus those.
  named=$(grep -E '^(\*\*)?Imports' "katas/$kata/README.md" | grep -oE 'using [A-Za-z0-9_.]+;' | sort -u)
  { cat "katas/$kata/"*.cs | grep -E "$usings_re"; echo "$named"; } | grep . | sort -u >"$tmp/$kata.usings"
  for file in "$dir"*.cs; do
    name=$(basename "$file")
    { [ -f "katas/$kata/$name" ] && grep -E "$usings_re" "katas/$kata/$name"; echo "$named"; } | grep . | sort -u >"$tmp/katas/$kata/$name"
    grep -vE "$usings_re" "$file" >>"$tmp/katas/$kata/$name"
  done
done

# One generated file per ```csharp block; an index line per block: id|readme|first|last|expect.
index="$tmp/index.txt"
: >"$index"
for readme in katas/K*/README.md; do
  kata=$(basename "$(dirname "$readme")")
  awk -v readme="$readme" -v readme_path="$root/$readme" -v kata="$kata" -v outdir="$tmp/katas/$kata" -v index_file="$index" -v usings="$tmp/$kata.usings" '
    function trim(s) { sub(/^[ \t]+/, "", s); sub(/[ \t]+$/, "", s); return s }
    /<!-- snippet:/ {
      opts = $0; sub(/.*<!-- snippet:[ ]*/, "", opts); sub(/[ ]*-->.*/, "", opts); next
    }
    !inside && /^[ \t]*```csharp[ \t]*$/ {
      inside = 1; first = NR + 1; body = ""; indent = $0; sub(/```csharp.*/, "", indent); next
    }
    inside && /^[ \t]*```[ \t]*$/ {
      inside = 0
      kind = "async"; params = ""; expect = ""; skip = 0; target = ""
      n = split(opts, parts, ";")
      for (i = 1; i <= n; i++) {
        p = trim(parts[i])
        if (p == "sync") kind = "sync"
        else if (p == "member") kind = "member"
        else if (p == "skip") skip = 1
        else if (p ~ /^params /) params = ", " trim(substr(p, 8))
        else if (p ~ /^expect /) expect = trim(substr(p, 8))
        else if (p ~ /^in /) target = trim(substr(p, 4))
      }
      opts = ""
      id = "ReadmeSnippet_L" first
      if (skip) { print id "|" readme "|" first "|" NR - 1 "|skip" >> index_file; next }
      if (target != "") {
        # Appended to that file of the kata, so that its .editorconfig section applies.
        file = outdir "/" target
        print "" >> file
        print "// Generated by tools/check-snippets.sh from " readme ", line " first "." >> file
      } else {
        file = outdir "/" id ".cs"
        print "// Generated by tools/check-snippets.sh from " readme ", line " first "." > file
        while ((getline u < usings) > 0) print u >> file
        close(usings)
        print "namespace AsyncKatas." kata ";" >> file
        print "" >> file
      }
      print "internal static class " id >> file
      print "{" >> file
      sig = "TextWriter output, TimeProvider time, TaskScheduler threads, CancellationToken token, TimeSpan delay" params
      if (kind == "async") { print "    internal static async Task RunAsync(" sig ")" >> file; print "    {" >> file; print "        await Task.CompletedTask;" >> file }
      if (kind == "sync") { print "    internal static void Run(" sig ")" >> file; print "    {" >> file }
      print "#line " first " \"" readme_path "\"" >> file
      printf "%s", body >> file
      print "#line default" >> file
      if (kind != "member") print "    }" >> file
      print "}" >> file
      close(file)
      print id "|" readme "|" first "|" NR - 1 "|" expect >> index_file
      next
    }
    inside { line = $0; if (indent != "" && index(line, indent) == 1) line = substr(line, length(indent) + 1); body = body line "\n"; next }
    !/^[ \t]*$/ { opts = "" }
  ' "$readme"
done

total=$(grep -c . "$index" || true)
if [ "$total" -eq 0 ]; then
  echo "check-snippets: no \`\`\`csharp block in katas/K*/README.md"
  echo "0 passed, 1 failed"
  exit 1
fi

log="$tmp/build.log"
dotnet build "$tmp/katas/Katas.csproj" -nologo -v q -clp:NoSummary -p:CheckPublicApi=false >"$log" 2>&1
build_status=$?
# "path(line,col): error CODE: message [project]", once each.
grep -E ': (error|warning) [A-Z]+[0-9]+' "$log" | sed -E "s/ \\[[^]]*\\]\$//; s#^$root/##; s#^$tmp/##" | sort -u >"$tmp/diagnostics.txt"

passed=0
failed=0
skipped=0
while IFS='|' read -r id readme first last expect; do
  if [ "$expect" = "skip" ]; then skipped=$((skipped + 1)); continue; fi
  # Diagnostics inside the block (mapped to the README by #line) or in its generated wrapper.
  found=$(awk -v readme="$readme" -v first="$first" -v last="$last" -v id="$id" '
    {
      if (index($0, readme "(") == 1) {
        rest = substr($0, length(readme) + 2); split(rest, nums, /[,)]/); line = nums[1] + 0
        if (line >= first && line <= last) print
      } else if (index($0, "/" id ".cs(") > 0) print
    }' "$tmp/diagnostics.txt")
  where="$readme:$first"
  if [ -n "$expect" ]; then
    # "RS0030 Thread.Sleep": the rule, then (optionally) the symbol its message must quote.
    code=${expect%% *}
    needle=""
    [ "$code" != "$expect" ] && needle="'${expect#* }"
    if echo "$found" | grep "error $code" | grep -qF -e "$needle"; then
      echo "ok   $where is refused with $expect, as it should be"
      passed=$((passed + 1))
    else
      echo "FAIL $where should be refused with $expect, but the build $( [ -z "$found" ] && echo "accepts it" || echo "says:")"
      [ -n "$found" ] && echo "$found" | sed 's/^/    /'
      failed=$((failed + 1))
    fi
  elif [ -n "$found" ]; then
    echo "FAIL $where does not compile:"
    echo "$found" | sed -E "s#^.*/($id\.cs)#    (wrapper) \1#; s/^([^ ])/    \1/"
    failed=$((failed + 1))
  else
    echo "ok   $where"
    passed=$((passed + 1))
  fi
done <"$index"

# Errors anywhere else mean the set-up itself is broken (not a README's fault): say so.
other=$(grep -E ': error ' "$tmp/diagnostics.txt" | grep -v -E '^katas/K[0-9]+_[A-Za-z]+/README\.md\(' | grep -v 'ReadmeSnippet_L' || true)
if [ -n "$other" ]; then
  echo "FAIL the generated project has errors outside the snippets (CS0246/CS0103 in a solution file: it needs a using that its stub lacks and the README's \"Imports:\" line does not name):"
  echo "$other" | head -n 20 | sed 's/^/    /'
  failed=$((failed + 1))
elif [ "$build_status" -ne 0 ] && ! grep -q ': error ' "$tmp/diagnostics.txt"; then
  echo "FAIL dotnet build failed without a diagnostic this script understands:"
  tail -n 20 "$log" | sed 's/^/    /'
  failed=$((failed + 1))
fi

[ "$skipped" -gt 0 ] && echo "($skipped block(s) marked skip)"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
