using Hearsay.Attributions;
using Hearsay.Evaluation;
using Hearsay.Output;
using Hearsay.Text;

namespace Hearsay.Tests.Evaluation;

public class BratWriterTests
{
    private const string Text = "🎉 Smith said: “We won. We\n\nwon big.” 😀 Officials said, “Later,” adding, “maybe.”\n\nIt was “a win,” Smith added.";

    private static Document Sample()
    {
        var doc = new Document(Text);
        var smith = Spans.At(Text, "Smith");
        var first = new Attribution("a1", AttributionKind.Direct) { Source = smith, Cue = Spans.At(Text, "said") };
        first.Content.Add(Spans.At(Text, "“We won. We\n\nwon big.”"));
        var second = new Attribution("a2", AttributionKind.Direct) { Source = Spans.At(Text, "Officials"), Cue = Spans.At(Text, "said", 1) };
        // Out of order on purpose: the writer sorts fragments.
        second.Content.Add(Spans.At(Text, "“maybe.”"));
        second.Content.Add(Spans.At(Text, "“Later,”"));
        var third = new Attribution("a3", AttributionKind.Mixed) { Source = smith, Cue = Spans.At(Text, "added") };
        third.Content.Add(Spans.At(Text, "It was “a win,”"));
        var fourth = new Attribution("a4", AttributionKind.Indirect) { Cue = Spans.At(Text, "adding") };
        fourth.Content.Add(Spans.At(Text, "maybe"));
        doc.Attributions.AddRange([first, second, third, fourth]);
        return doc;
    }

    [Fact]
    public void Writer_round_trips_through_the_reader()
    {
        var doc = Sample();
        var read = BratAnnotations.Parse(BratWriter.Format(doc), Text);

        Assert.Empty(read.Warnings);
        var expected = AttributionSpans.From(doc.Attributions);
        Assert.Equal(expected.Count, read.Attributions.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Source, read.Attributions[i].Source);
            Assert.Equal(expected[i].Cue, read.Attributions[i].Cue);
            Assert.Equal(expected[i].Content, read.Attributions[i].Content);
            Assert.Equal(expected[i].EventType, read.Attributions[i].EventType);
        }
    }

    [Fact]
    public void Writer_writes_code_point_offsets_and_the_covered_text()
    {
        string ann = BratWriter.Format(Sample());
        var lines = ann.Split('\n');

        // "Smith" is UTF-16 3..8 but code points 2..7 (the emoji before it is one code point).
        Assert.Equal("T1\tSource 2 7\tSmith", lines[0]);
        Assert.Equal("T2\tCue 8 12\tsaid", lines[1]);
        // A content whose text holds a blank line runs over three lines, as in the corpus.
        Assert.Equal("T3\tContent 14 36\t“We won. We", lines[2]);
        Assert.Equal("", lines[3]);
        Assert.Equal("won big.”", lines[4]);
        Assert.Equal("T4\tAttribution 8 12\tsaid", lines[5]);
        Assert.Equal("E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3", lines[6]);
        Assert.EndsWith("\n", ann, StringComparison.Ordinal);
    }

    [Fact]
    public void Writer_writes_a_discontinuous_content_as_sorted_fragments_joined_by_a_space()
    {
        string ann = BratWriter.Format(Sample());
        var content = ann.Split('\n').Single(l => l.Contains("“Later,”", StringComparison.Ordinal));
        var map = CodePointMap.For(Text);
        var later = map.ToCodePoints(Spans.At(Text, "“Later,”"));
        var maybe = map.ToCodePoints(Spans.At(Text, "“maybe.”"));
        Assert.EndsWith($"\tContent {later.Start} {later.End};{maybe.Start} {maybe.End}\t“Later,” “maybe.”", content);
    }

    [Fact]
    public void Writer_writes_a_shared_source_once_and_marks_attributions_without_source()
    {
        string ann = BratWriter.Format(Sample());
        var lines = ann.Split('\n');

        Assert.Single(lines, l => l.EndsWith("\tSource 2 7\tSmith", StringComparison.Ordinal));
        var events = lines.Where(l => l.StartsWith('E')).ToList();
        Assert.Equal(4, events.Count);
        Assert.Contains("Source:T1", events[2], StringComparison.Ordinal);
        Assert.StartsWith("E4\tAttribution-no-source:", events[3], StringComparison.Ordinal);
        Assert.DoesNotContain("Source:", events[3], StringComparison.Ordinal);
    }

    [Fact]
    public void Writer_writes_nothing_for_a_document_without_attributions()
    {
        Assert.Equal("", BratWriter.Format(new Document("Nothing said here.")));
    }
}
