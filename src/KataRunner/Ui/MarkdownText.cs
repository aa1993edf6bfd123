using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace KataRunner.Ui;

/// <summary>
/// A hint's Markdown (from the kata's README) as formatted text: Markdig parses it (CommonMark), and
/// each block becomes a Spectre.Console renderable: paragraphs with bold, italic and code, lists with
/// hanging bullets, code blocks indented in their own colour. HTML (the README's snippet comments) is
/// left out.
/// </summary>
internal static class MarkdownText
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    public static IRenderable Render(string markdown) => new Rows(Blocks(Markdown.Parse(markdown, Pipeline)));

    private static List<IRenderable> Blocks(ContainerBlock container)
    {
        var rows = new List<IRenderable>();
        foreach (var block in container)
        {
            if (Block(block) is not { } rendered) continue;
            // A blank line between paragraphs, as in the README; none before a code block that a
            // paragraph introduces ("…with a semaphore:"), to keep hints short on a small screen.
            if (rows.Count > 0 && block is not CodeBlock) rows.Add(Text.Empty);
            rows.Add(rendered);
        }
        return rows;
    }

    private static IRenderable? Block(Block block) => block switch
    {
        HtmlBlock => null,
        ParagraphBlock p => Wrapped.Markup(Inlines(p.Inline)),
        HeadingBlock h => new Markup($"[bold]{Inlines(h.Inline)}[/]"),
        CodeBlock code => new Padder(new Wrapped(new Text(code.Lines.ToString().TrimEnd('\n'), new Style(Color.Aqua)), CodeContinuation), new Padding(4, 0, 0, 0)),
        ListBlock list => List(list),
        QuoteBlock quote => new Padder(new Rows(Blocks(quote)), new Padding(2, 0, 0, 0)),
        ThematicBreakBlock => new Rule(),
        ContainerBlock other => new Rows(Blocks(other)),
        _ => null,
    };

    /// <summary>
    /// How a code line too long for the screen carries on: a comment as a comment ("// " under its "//"), code
    /// one level deeper than the line, so that no wrapped comment reads as a line of code.
    /// </summary>
    internal static string CodeContinuation(string line, int breakAt)
    {
        var comment = line.IndexOf("//", StringComparison.Ordinal);
        if (comment >= 0 && comment < breakAt) return new string(' ', comment) + "// ";
        return new string(' ', line.Length - line.TrimStart(' ').Length + 4);
    }

    private static Grid List(ListBlock list)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap().PadLeft(2).PadRight(1)).AddColumn(new GridColumn().PadRight(0));
        var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var bullet = list.IsOrdered ? $"{number++}." : "•";
            // A tight list item is one paragraph: no blank lines inside it.
            var content = item.Count == 1 && item[0] is ParagraphBlock only ? Wrapped.Markup(Inlines(only.Inline)) : (IRenderable)new Rows(Blocks(item));
            grid.AddRow(new Text(bullet), content);
        }
        return grid;
    }

    private static string Inlines(ContainerInline? container)
    {
        var text = new StringBuilder();
        if (container is null) return "";
        foreach (var inline in container) Inline(inline, text);
        return text.ToString().Trim();
    }

    private static void Inline(Inline inline, StringBuilder text)
    {
        switch (inline)
        {
            case LiteralInline literal:
                text.Append(Markup.Escape(literal.Content.ToString()));
                break;
            case CodeInline code:
                text.Append("[aqua]").Append(Markup.Escape(code.Content)).Append("[/]");
                break;
            case EmphasisInline emphasis:
                var tag = emphasis.DelimiterCount >= 2 ? "bold" : "italic";
                text.Append('[').Append(tag).Append(']');
                foreach (var child in emphasis) Inline(child, text);
                text.Append("[/]");
                break;
            case LineBreakInline lineBreak:
                text.Append(lineBreak.IsHard ? '\n' : ' ');
                break;
            case AutolinkInline autolink:
                text.Append(Markup.Escape(autolink.Url));
                break;
            case LinkInline { IsImage: true }:
                break;
            case LinkInline link:
                foreach (var child in link) Inline(child, text);
                if (!string.IsNullOrEmpty(link.Url)) text.Append(" [grey](").Append(Markup.Escape(link.Url)).Append(")[/]");
                break;
            case HtmlEntityInline entity:
                text.Append(Markup.Escape(entity.Transcoded.ToString()));
                break;
            case HtmlInline:
                break;
            case ContainerInline container:
                foreach (var child in container) Inline(child, text);
                break;
        }
    }
}
