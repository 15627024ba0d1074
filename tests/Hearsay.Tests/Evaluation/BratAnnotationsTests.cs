using Hearsay.Evaluation;
using Hearsay.Text;

namespace Hearsay.Tests.Evaluation;

public class BratAnnotationsTests
{
    [Fact]
    public void Reader_reads_the_corpus_example()
    {
        const string ann = "T1\tSource 110 112\twe\nT2\tCue 113 119\tmocked\n"
            + "T3\tContent 120 211\tthe presidential ambitions\nT4\tAttribution 113 119\tmocked\n"
            + "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n";
        var read = BratAnnotations.Parse(ann);

        Assert.Equal(4, read.TextBounds.Count);
        Assert.Equal("Attribution", Assert.Single(read.Events).Type);
        var a = Assert.Single(read.Attributions);
        Assert.Equal([new TextRange(110, 112)], a.Source);
        Assert.Equal([new TextRange(113, 119)], a.Cue);
        Assert.Equal([new TextRange(120, 211)], a.Content);
        Assert.Equal(AttributionSpans.WithSource, a.EventType);
        Assert.Empty(read.Warnings);
    }

    [Fact]
    public void Reader_joins_a_T_record_that_runs_over_several_lines()
    {
        const string text = "Intro. He said the first part.\n\nAnd the second.";
        int start = text.IndexOf("the first", StringComparison.Ordinal);
        int end = text.Length;
        string ann = $"T1\tContent {start} {end}\t{text[start..end]}\n"
            + "T2\tCue 10 14\tsaid\nT3\tAttribution 10 14\tsaid\n"
            + "E1\tAttribution-no-source:T3 Cue:T2 Content:T1\n";
        var read = BratAnnotations.Parse(ann, text);

        Assert.Equal(3, read.TextBounds.Count);
        Assert.Equal("the first part.\n\nAnd the second.", read.TextBounds[0].Text);
        Assert.Equal([new TextRange(start, end)], Assert.Single(read.Attributions).Content);
        Assert.Empty(read.Warnings);
    }

    [Fact]
    public void Reader_sorts_discontinuous_fragments_numerically()
    {
        const string ann = "T1\tContent 119 231;93 97\tx y\nT2\tCue 100 104\tsaid\nT3\tAttribution 100 104\tsaid\n"
            + "E1\tAttribution-no-source:T3 Content:T1 Cue:T2\n";
        var read = BratAnnotations.Parse(ann);

        Assert.Equal([new TextRange(93, 97), new TextRange(119, 231)], read.TextBounds[0].Fragments);
        Assert.Equal([new TextRange(93, 97), new TextRange(119, 231)], Assert.Single(read.Attributions).Content);
    }

    [Fact]
    public void Reader_skips_argument_less_events()
    {
        const string ann = "T1\tCue 5 9\tsaid\nT2\tContent 10 20\tsomething\nT11\tAttribution-no-source 5 9\tsaid\n"
            + "E1\tAttribution-no-source:T11 Cue:T1 Content:T2\n"
            + "E3\tAttribution-no-source:T11 \n";
        var read = BratAnnotations.Parse(ann);

        Assert.Equal(2, read.Events.Count);
        Assert.Empty(read.Events[1].Arguments);
        var a = Assert.Single(read.Attributions);
        Assert.Equal(AttributionSpans.NoSource, a.EventType);
        Assert.Empty(a.Source);
    }

    [Fact]
    public void Reader_counts_Content2_as_content()
    {
        const string ann = "T1\tSource 0 5\tSmith\nT2\tCue 6 10\tsaid\nT3\tContent 11 20\tfirst bit\n"
            + "T4\tContent 30 40\tsecond bit\nT5\tAttribution 6 10\tsaid\n"
            + "E1\tAttribution:T5 Source:T1 Content2:T4 Cue:T2 Content:T3\n";
        var a = Assert.Single(BratAnnotations.Parse(ann).Attributions);
        Assert.Equal([new TextRange(11, 20), new TextRange(30, 40)], a.Content);
    }

    [Fact]
    public void Reader_keeps_a_source_on_a_no_source_event_and_no_source_on_a_plain_event()
    {
        const string ann = "T1\tSource 0 5\tSmith\nT2\tCue 6 10\tsaid\nT3\tContent 11 20\tsomething\nT4\tAttribution-no-source 6 10\tsaid\n"
            + "E1\tAttribution-no-source:T4 Source:T1 Cue:T2 Content:T3\n"
            + "T5\tCue 21 25\tsaid\nT6\tContent 26 30\tmore\nT7\tAttribution 21 25\tsaid\n"
            + "E2\tAttribution:T7 Cue:T5 Content:T6\n";
        var read = BratAnnotations.Parse(ann);

        Assert.Equal(2, read.Attributions.Count);
        Assert.Equal([new TextRange(0, 5)], read.Attributions[0].Source);
        Assert.Equal(AttributionSpans.NoSource, read.Attributions[0].EventType);
        Assert.Empty(read.Attributions[1].Source);
        Assert.Equal(AttributionSpans.WithSource, read.Attributions[1].EventType);
    }

    [Fact]
    public void Reader_scores_mismatched_arguments_in_the_role_the_event_gives_them()
    {
        // E69 of the corpus: Cue points at a Discuss span. E50: Source and Content T types swapped.
        const string ann = "T266\tDiscuss 100 108\tthanking\nT267\tContent 109 126\tthe raucous crowd\n"
            + "T268\tSource 150 152\the\nT269\tAttribution 100 108\tthanking\n"
            + "E69\tAttribution:T269 Source:T268 Content:T267 Cue:T266\n"
            + "T192\tContent 0 9\tMr. Trump\nT193\tCue 10 20\thaving abc\nT194\tSource 21 40\tmen and white voters\n"
            + "T195\tAttribution 10 20\thaving abc\n"
            + "E50\tAttribution:T195 Content:T194 Cue:T193 Source:T192\n";
        var read = BratAnnotations.Parse(ann);

        Assert.Equal(2, read.Attributions.Count);
        Assert.Equal([new TextRange(100, 108)], read.Attributions[0].Cue);
        Assert.Equal([new TextRange(0, 9)], read.Attributions[1].Source);
        Assert.Equal([new TextRange(21, 40)], read.Attributions[1].Content);
        Assert.Equal(3, read.Warnings.Count);
    }

    [Fact]
    public void Reader_reads_an_empty_file()
    {
        var read = BratAnnotations.Parse("");
        Assert.Empty(read.TextBounds);
        Assert.Empty(read.Attributions);
        Assert.Empty(read.Warnings);
    }

    [Fact]
    public void Reader_reads_a_file_without_events()
    {
        var read = BratAnnotations.Parse("T1\tDiscuss 0 120\tThe whole article\n");
        Assert.Equal("Discuss", Assert.Single(read.TextBounds).Type);
        Assert.Empty(read.Attributions);
    }

    [Fact]
    public void Reader_reads_annotator_notes()
    {
        const string ann = "T66\tContent 0 4\tsome\n#1\tAnnotatorNotes T66\tShould line 38 be part of the annotation in 36 or 37?\n"
            + "T67\tCue 5 9\tsaid\nT68\tAttribution 5 9\tsaid\nE1\tAttribution-no-source:T68 Cue:T67 Content:T66\n";
        var read = BratAnnotations.Parse(ann);

        var note = Assert.Single(read.Notes);
        Assert.Equal(("AnnotatorNotes", "T66"), (note.Kind, note.Target));
        Assert.Equal("Should line 38 be part of the annotation in 36 or 37?", note.Text);
        Assert.Single(read.Attributions);
        Assert.Empty(read.Warnings);
    }

    [Fact]
    public void Reader_shares_one_source_between_events()
    {
        const string ann = "T1\tSource 0 5\tTrump\nT2\tCue 6 10\tsaid\nT3\tContent 11 12\tX\nT4\tAttribution 6 10\tsaid\n"
            + "T5\tCue 17 22\tadded\nT6\tContent 23 24\tY\nT7\tAttribution 17 22\tadded\n"
            + "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\nE2\tAttribution:T7 Content:T6 Source:T1 Cue:T5\n";
        var read = BratAnnotations.Parse(ann);

        Assert.Equal(2, read.Attributions.Count);
        Assert.All(read.Attributions, a => Assert.Equal([new TextRange(0, 5)], a.Source));
        Assert.Equal([new TextRange(17, 22)], read.Attributions[1].Cue);
    }

    [Fact]
    public void Reader_converts_code_point_offsets_to_UTF16()
    {
        const string text = "🎉 Smith said: “We won.”";
        // In code points "Smith" is 2..7 and "“We won.”" 14..23; in UTF-16 each lies one further on.
        const string ann = "T1\tSource 2 7\tSmith\nT2\tCue 8 12\tsaid\nT3\tContent 14 23\t“We won.”\n"
            + "T4\tAttribution 8 12\tsaid\nE1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n";
        var read = BratAnnotations.Parse(ann, text);

        var a = Assert.Single(read.Attributions);
        Assert.Equal("Smith", text[a.Source[0].Start..a.Source[0].End]);
        Assert.Equal("“We won.”", text[a.Content[0].Start..a.Content[0].End]);
        Assert.Empty(read.Warnings);
    }

    [Fact]
    public void Reader_warns_about_a_text_field_that_does_not_match_the_text()
    {
        const string text = "Smith said so.";
        var read = BratAnnotations.Parse("T1\tSource 0 5\tJones\n", text);
        Assert.Contains(read.Warnings, w => w.Contains("T1", StringComparison.Ordinal));
    }

    [Fact]
    public void Reader_skips_malformed_lines_and_missing_targets()
    {
        const string ann = "stray line\nT1\tSource x y\tbad\nT2\tCue 0 4\tsaid\nT3\tAttribution 0 4\tsaid\n"
            + "E1\tAttribution:T3 Cue:T2 Content:T99\n";
        var read = BratAnnotations.Parse(ann);

        var a = Assert.Single(read.Attributions);
        Assert.Empty(a.Content);
        Assert.Equal(3, read.Warnings.Count);
    }

    [Fact]
    public void Reader_accepts_windows_line_ends()
    {
        const string ann = "T1\tCue 0 4\tsaid\r\nT2\tContent 5 9\tthis\r\nT3\tAttribution 0 4\tsaid\r\nE1\tAttribution-no-source:T3 Cue:T1 Content:T2\r\n";
        var read = BratAnnotations.Parse(ann, "said this");
        Assert.Single(read.Attributions);
        Assert.Empty(read.Warnings);
    }
}
