namespace Hearsay.Stages.Parsing;

/// <summary>The moves of the arc-hybrid transition system.</summary>
public enum Move : byte
{
    /// <summary>Push the first buffer word onto the stack.</summary>
    Shift = 0,
    /// <summary>Attach the stack top to the first buffer word (b0 -> s0) and pop it.</summary>
    Left = 1,
    /// <summary>Attach the stack top to the word below it (s1 -> s0) and pop it.</summary>
    Right = 2,
}

/// <summary>
/// A parser configuration of the arc-hybrid system (Kuhlmann et al. 2011) for one sentence of n words,
/// with the artificial root at index n, at the end of the buffer. Keeps, per word, its head, label and
/// the two leftmost and rightmost children attached so far. Reusable: <see cref="Reset"/> starts over.
/// </summary>
public sealed class ArcHybrid
{
    public const int None = -1;

    private int[] _stack = new int[64];
    public int[] Heads = new int[64];
    public int[] Labels = new int[64];
    public int[] Left1 = new int[64], Left2 = new int[64], Right1 = new int[64], Right2 = new int[64];
    public int[] LeftCount = new int[64], RightCount = new int[64];
    /// <summary>Per word, the set of relations (bit = label index, below 64) of the children attached to it so far.</summary>
    public ulong[] ChildLabels = new ulong[64];
    /// <summary>Number of commas and colons before each word (prefix counts), set by <see cref="MarkPunctuation"/>.</summary>
    public int[] PunctuationBefore = new int[65];

    public int Length { get; private set; }
    /// <summary>Index of the artificial root (= <see cref="Length"/>).</summary>
    public int Root => Length;
    public int StackCount { get; private set; }
    /// <summary>First word of the buffer; <see cref="Root"/> once every word has been shifted.</summary>
    public int Buffer { get; private set; }

    public bool IsTerminal => StackCount == 0 && Buffer == Root;

    public void Reset(int length)
    {
        if (length + 1 > Heads.Length)
        {
            int size = Math.Max(length + 1, Heads.Length * 2);
            _stack = new int[size]; Heads = new int[size]; Labels = new int[size];
            Left1 = new int[size]; Left2 = new int[size]; Right1 = new int[size]; Right2 = new int[size];
            LeftCount = new int[size]; RightCount = new int[size];
            ChildLabels = new ulong[size];
            PunctuationBefore = new int[size + 1];
        }
        Length = length;
        StackCount = 0;
        Buffer = 0;
        for (int i = 0; i <= length; i++)
        {
            Heads[i] = None; Labels[i] = None;
            Left1[i] = Left2[i] = Right1[i] = Right2[i] = None;
            LeftCount[i] = RightCount[i] = 0;
            ChildLabels[i] = 0;
        }
    }

    /// <summary>Counts the words tagged <paramref name="comma"/> or <paramref name="colon"/> before each word.</summary>
    public void MarkPunctuation(ReadOnlySpan<ulong> tags, ulong comma, ulong colon)
    {
        PunctuationBefore[0] = 0;
        for (int i = 0; i < Length; i++)
            PunctuationBefore[i + 1] = PunctuationBefore[i] + (tags[i] == comma || tags[i] == colon ? 1 : 0);
        PunctuationBefore[Length + 1] = PunctuationBefore[Length];
    }

    /// <summary>Commas and colons strictly between words <paramref name="a"/> and <paramref name="b"/> (a &lt; b), capped at 3.</summary>
    public int PunctuationBetween(int a, int b) => a < 0 || b < 0 || b <= a ? 0 : Math.Min(3, PunctuationBefore[b] - PunctuationBefore[a + 1]);

    /// <summary>The i-th word from the top of the stack (0 = top), or <see cref="None"/>.</summary>
    public int Stack(int i) => i < StackCount ? _stack[StackCount - 1 - i] : None;

    /// <summary>The i-th word of the buffer (0 = first), or <see cref="None"/> past the root.</summary>
    public int BufferAt(int i) => Buffer + i <= Root ? Buffer + i : None;

    public bool IsValid(Move move) => move switch
    {
        Move.Shift => Buffer < Root,
        // Only the last word left on the stack may attach to the root: one root per sentence.
        Move.Left => StackCount >= 1 && (Buffer < Root || StackCount == 1),
        Move.Right => StackCount >= 2,
        _ => false,
    };

    /// <summary>The head and dependent that <paramref name="move"/> would attach (None for Shift).</summary>
    public (int Head, int Dependent) ArcOf(Move move) => move switch
    {
        Move.Left => (Buffer, Stack(0)),
        Move.Right => (Stack(1), Stack(0)),
        _ => (None, None),
    };

    public void Apply(Move move, int label)
    {
        switch (move)
        {
            case Move.Shift:
                _stack[StackCount++] = Buffer++;
                break;
            case Move.Left:
                Attach(Buffer, _stack[--StackCount], label);
                break;
            case Move.Right:
                int dependent = _stack[--StackCount];
                Attach(_stack[StackCount - 1], dependent, label);
                break;
        }
    }

    private void Attach(int head, int dependent, int label)
    {
        Heads[dependent] = head;
        Labels[dependent] = label;
        if (label is >= 0 and < 64) ChildLabels[head] |= 1UL << label;
        if (dependent < head)
        {
            LeftCount[head]++;
            if (Left1[head] == None || dependent < Left1[head]) { Left2[head] = Left1[head]; Left1[head] = dependent; }
            else if (Left2[head] == None || dependent < Left2[head]) Left2[head] = dependent;
        }
        else
        {
            RightCount[head]++;
            if (Right1[head] == None || dependent > Right1[head]) { Right2[head] = Right1[head]; Right1[head] = dependent; }
            else if (Right2[head] == None || dependent > Right2[head]) Right2[head] = dependent;
        }
    }

    /// <summary>
    /// The number of gold arcs that <paramref name="move"/> makes unreachable (Goldberg and Nivre 2013's
    /// dynamic oracle for arc-hybrid). <paramref name="gold"/> holds the gold head of each word, with
    /// <see cref="Root"/> for the sentence root. Zero-cost moves are the ones the oracle allows.
    /// </summary>
    public int Cost(Move move, ReadOnlySpan<int> gold)
    {
        if (!IsValid(move)) return int.MaxValue;
        int cost = 0;
        int s0 = Stack(0), b0 = Buffer;
        switch (move)
        {
            case Move.Shift:
                // b0 leaves the buffer: stack words whose head is b0 lose it, and b0 can only get s0 as head from the stack.
                for (int k = 0; k < StackCount; k++)
                {
                    int s = _stack[k];
                    if (gold[s] == b0) cost++;
                    if (gold[b0] == s && s != s0) cost++;
                }
                break;
            case Move.Left:
            case Move.Right:
                // s0 is popped: its dependents still in the buffer lose it.
                for (int d = b0; d < Root; d++) if (gold[d] == s0) cost++;
                int head = move == Move.Left ? b0 : Stack(1);
                int g = gold[s0];
                if (g != head)
                {
                    // Its gold head is lost if it was still reachable: in the buffer (after b0 for Left), or s1 for Left.
                    if (move == Move.Left && (g == Stack(1) || g > b0)) cost++;
                    if (move == Move.Right && g >= b0) cost++;
                }
                break;
        }
        return cost;
    }
}
