using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Hearsay.Nlp;

/// <summary>
/// A read-only linear classifier over hashed features: an open-addressing table from feature key to
/// a row of class weights, stored contiguously and padded to the SIMD width so that scoring is a
/// sequence of vector row-adds. Safe to share across threads.
/// </summary>
public sealed class LinearModel : IFeatureScorer
{
    private readonly ulong[] _slots;     // per slot: row index << 32 | feature key; 0 = empty (keys are never 0)
    private readonly float[] _weights;   // row-major, Stride floats per row
    private readonly int _mask;
    private readonly uint[] _keys;       // keys in row order (for serialization)

    public LinearModel(int classes, uint[] keys, float[] weights)
    {
        if (weights.Length != keys.Length * classes) throw new ArgumentException("weights must hold one row per key");
        Classes = classes;
        // Small models (the parser's 3 moves) use 4-float rows and 128-bit adds: a third of the cache lines.
        Stride = classes <= 4 ? 4 : (classes + Vector<float>.Count - 1) / Vector<float>.Count * Vector<float>.Count;
        _keys = keys;
        _weights = new float[keys.Length * Stride];
        for (int r = 0; r < keys.Length; r++)
            weights.AsSpan(r * classes, classes).CopyTo(_weights.AsSpan(r * Stride));
        int capacity = 16;
        while (capacity < keys.Length * 2) capacity <<= 1;
        _slots = new ulong[capacity];
        _mask = capacity - 1;
        for (int r = 0; r < keys.Length; r++)
        {
            uint key = keys[r];
            int slot = (int)(Scramble(key) & (uint)_mask);
            while (_slots[slot] != 0 && (uint)_slots[slot] != key) slot = (slot + 1) & _mask;
            _slots[slot] = (ulong)r << 32 | key;
        }
    }

    public int Classes { get; }
    /// <summary>Floats per row: <see cref="Classes"/> rounded up to the SIMD width; score buffers need this length.</summary>
    public int Stride { get; }
    public int FeatureCount => _keys.Length;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Scramble(uint key) => key * 0x9E3779B1u >> 3 ^ key;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Find(uint key)
    {
        int slot = (int)(Scramble(key) & (uint)_mask);
        while (true)
        {
            ulong entry = _slots[slot];
            if ((uint)entry == key) return (int)(entry >> 32);
            if (entry == 0) return -1;
            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>Sums the rows of <paramref name="features"/> into <paramref name="scores"/> (length at least <see cref="Stride"/>; cleared first).</summary>
    public void Score(ReadOnlySpan<uint> features, Span<float> scores)
    {
        if (Stride == 4)
        {
            ref float weights = ref MemoryMarshal.GetArrayDataReference(_weights);
            var sum = Vector128<float>.Zero;
            foreach (uint f in features)
            {
                int row = Find(f);
                if (row >= 0) sum += Vector128.LoadUnsafe(ref weights, (nuint)(row * 4));
            }
            sum.CopyTo(scores);
            return;
        }
        var acc = MemoryMarshal.Cast<float, Vector<float>>(scores[..Stride]);
        acc.Clear();
        ref float w0 = ref MemoryMarshal.GetArrayDataReference(_weights);
        foreach (uint f in features)
        {
            int row = Find(f);
            if (row < 0) continue;
            var w = MemoryMarshal.Cast<float, Vector<float>>(MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref w0, row * Stride), Stride));
            for (int v = 0; v < acc.Length; v++) acc[v] += w[v];
        }
    }

    /// <summary>A copy without the rows whose largest absolute weight is below <paramref name="minWeight"/>.</summary>
    public LinearModel Prune(float minWeight)
    {
        var keys = new List<uint>();
        var weights = new List<float>();
        for (int r = 0; r < _keys.Length; r++)
        {
            var row = _weights.AsSpan(r * Stride, Classes);
            float max = 0;
            foreach (float w in row) max = Math.Max(max, Math.Abs(w));
            if (max < minWeight) continue;
            keys.Add(_keys[r]);
            weights.AddRange(row.ToArray());
        }
        return new LinearModel(Classes, keys.ToArray(), weights.ToArray());
    }

    /// <summary>
    /// Writes the model with one scale per row and 8-bit weights, or 16-bit ones when <paramref name="wide"/>.
    /// A 16-bit file starts with the class count negated, so files written before that variant still read.
    /// </summary>
    public void Write(BinaryWriter writer, bool wide = false)
    {
        writer.Write(wide ? -Classes : Classes);
        writer.Write(_keys.Length);
        var order = Enumerable.Range(0, _keys.Length).OrderBy(r => _keys[r]).ToArray();
        uint previous = 0;
        foreach (int r in order) { WriteVarUInt(writer, _keys[r] - previous); previous = _keys[r]; }
        if (wide) { WriteRows16(writer, order); return; }
        var q = new byte[Classes];
        foreach (int r in order)
        {
            var row = _weights.AsSpan(r * Stride, Classes);
            float max = 0;
            foreach (float w in row) max = Math.Max(max, Math.Abs(w));
            float scale = max / 127f;
            writer.Write((Half)scale);
            float inv = scale == 0 ? 0 : 1f / (float)(Half)scale;
            for (int c = 0; c < Classes; c++) q[c] = (byte)(sbyte)Math.Clamp((int)MathF.Round(row[c] * inv), -127, 127);
            writer.Write(q);
        }
    }

    private void WriteRows16(BinaryWriter writer, int[] order)
    {
        foreach (int r in order)
        {
            var row = _weights.AsSpan(r * Stride, Classes);
            float max = 0;
            foreach (float w in row) max = Math.Max(max, Math.Abs(w));
            float scale = max / 32767f;
            writer.Write(scale);
            float inv = scale == 0 ? 0 : 1f / scale;
            for (int c = 0; c < Classes; c++) writer.Write((short)Math.Clamp((int)MathF.Round(row[c] * inv), -32767, 32767));
        }
    }

    public static LinearModel Read(BinaryReader reader)
    {
        int classes = reader.ReadInt32();
        bool wide = classes < 0;
        classes = Math.Abs(classes);
        int count = reader.ReadInt32();
        var keys = new uint[count];
        uint previous = 0;
        for (int i = 0; i < count; i++) { previous += ReadVarUInt(reader); keys[i] = previous; }
        var weights = new float[count * classes];
        if (wide)
        {
            for (int r = 0; r < count; r++)
            {
                float scale = reader.ReadSingle();
                for (int c = 0; c < classes; c++) weights[r * classes + c] = reader.ReadInt16() * scale;
            }
            return new LinearModel(classes, keys, weights);
        }
        var q = new byte[classes];
        for (int r = 0; r < count; r++)
        {
            float scale = (float)reader.ReadHalf();
            reader.BaseStream.ReadExactly(q);
            for (int c = 0; c < classes; c++) weights[r * classes + c] = (sbyte)q[c] * scale;
        }
        return new LinearModel(classes, keys, weights);
    }

    private static void WriteVarUInt(BinaryWriter writer, uint value)
    {
        while (value >= 0x80) { writer.Write((byte)(value | 0x80)); value >>= 7; }
        writer.Write((byte)value);
    }

    private static uint ReadVarUInt(BinaryReader reader)
    {
        uint value = 0;
        int shift = 0;
        while (true)
        {
            byte b = reader.ReadByte();
            value |= (uint)(b & 0x7F) << shift;
            if (b < 0x80) return value;
            shift += 7;
        }
    }
}
