using Hearsay.Stages.Parsing;

namespace Hearsay.Tests.Nlp;

public class ArcHybridTests
{
    // "Trump said the talks had stalled": said is the root; Trump <- said; the <- talks; talks, had <- stalled; stalled <- said.
    private static readonly int[] Gold = [1, 6, 3, 5, 5, 1];   // 6 = root (index n)

    [Fact]
    public void ArcHybrid_moves_build_the_expected_arcs()
    {
        var s = new ArcHybrid();
        s.Reset(3);                          // w0 w1 w2, root = 3
        s.Apply(Move.Shift, -1);             // [w0]
        s.Apply(Move.Left, 7);               // w1 -> w0
        s.Apply(Move.Shift, -1);             // [w1]
        s.Apply(Move.Shift, -1);             // [w1 w2]
        s.Apply(Move.Right, 8);              // w1 -> w2
        Assert.False(s.IsValid(Move.Shift)); // the root is never shifted
        Assert.False(s.IsValid(Move.Right));
        s.Apply(Move.Left, 9);               // root -> w1
        Assert.True(s.IsTerminal);
        Assert.Equal(new[] { 1, 3, 1 }, s.Heads[..3]);
        Assert.Equal(new[] { 7, 9, 8 }, s.Labels[..3]);
        Assert.Equal(0, s.Left1[1]);
        Assert.Equal(2, s.Right1[1]);
        Assert.Equal(1, s.LeftCount[1]);
        Assert.Equal(1, s.RightCount[1]);
        // The relations of each word's children, as a set the arc labeller reads ("has an auxpass child").
        Assert.Equal((1UL << 7) | (1UL << 8), s.ChildLabels[1]);
        Assert.Equal(0UL, s.ChildLabels[0]);
        s.Reset(3);
        Assert.Equal(0UL, s.ChildLabels[1]);
    }

    [Fact]
    public void ArcHybrid_oracle_rebuilds_a_projective_tree()
    {
        var s = new ArcHybrid();
        s.Reset(Gold.Length);
        while (!s.IsTerminal)
        {
            var free = Enum.GetValues<Move>().Where(m => s.Cost(m, Gold) == 0).ToList();
            Assert.NotEmpty(free);
            s.Apply(free[0], 0);
        }
        Assert.Equal(Gold, s.Heads[..Gold.Length]);
    }

    [Fact]
    public void ArcHybrid_oracle_counts_lost_arcs()
    {
        var s = new ArcHybrid();
        s.Reset(Gold.Length);
        s.Apply(Move.Shift, -1);                     // [Trump], buffer: said ...
        Assert.Equal(0, s.Cost(Move.Left, Gold));    // said -> Trump is gold
        Assert.Equal(1, s.Cost(Move.Shift, Gold));   // Trump could no longer get said as head
        Assert.Equal(int.MaxValue, s.Cost(Move.Right, Gold));
    }

    [Fact]
    public void ArcHybrid_oracle_recovers_after_a_mistake()
    {
        var s = new ArcHybrid();
        s.Reset(Gold.Length);
        s.Apply(Move.Shift, -1);
        s.Apply(Move.Shift, -1);                     // wrong: Trump's head is lost
        while (!s.IsTerminal)
        {
            var best = Enum.GetValues<Move>().OrderBy(m => s.Cost(m, Gold)).First();
            s.Apply(best, 0);
        }
        int correct = 0;
        for (int i = 0; i < Gold.Length; i++) if (s.Heads[i] == Gold[i]) correct++;
        // Trump now lies under "said" on the stack, so with one root per sentence "said" cannot reach the
        // root either; every other arc is still built.
        Assert.Equal(Gold.Length - 2, correct);
        Assert.Equal(Gold[2..5], s.Heads[2..5]);
    }

    [Fact]
    public void ArcHybrid_allows_one_root_only()
    {
        var s = new ArcHybrid();
        s.Reset(2);
        s.Apply(Move.Shift, -1);
        s.Apply(Move.Shift, -1);                     // buffer: root
        Assert.False(s.IsValid(Move.Left));          // two words left: the top one cannot attach to the root
        s.Apply(Move.Right, 0);
        Assert.True(s.IsValid(Move.Left));
        s.Apply(Move.Left, 0);
        Assert.Equal(new[] { 2, 0 }, s.Heads[..2]);
    }
}
