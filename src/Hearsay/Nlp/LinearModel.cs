using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Hearsay.Nlp;

/// <summary>
/// A read-only linear classifier over hashed features: an open-addressing table from feature key to
/// a row of class weights, quantised as the model file stores them (one scale per row, 8- or 16-bit
/// weights). Each table slot holds the key, the row's scale and its weights together, so finding a
/// feature and reading its weights touch one cache line: scoring is memory-bound (tens of lookups per
/// token in tables of several megabytes), and this halves the cache misses of a separate key table
/// and float rows. Safe to share across threads.
/// </summary>
public sealed class LinearModel : IFeatureScorer
{
    private const int HeaderBytes = 8;   // per slot: key (uint, 0 = empty: keys are never 0), then the row's scale (float)
    private const int CacheLine = 64;

    private readonly byte[] _table;      // pinned; slots start at _origin, each _slotBytes long
    private readonly int _origin;        // first slot's offset in _table, aligned to a cache line
    private readonly int _slotBytes;
    private readonly int _mask;          // slot count - 1

    /// <summary>
    /// A model from full-precision weights (one row of <paramref name="classes"/> per key), quantised at once
    /// as <see cref="Write"/> stores them: 8-bit weights with a half-precision scale per row, or 16-bit
    /// weights with a float scale when <paramref name="wide"/>.
    /// </summary>
    public LinearModel(int classes, uint[] keys, float[] weights, bool wide = false) : this(classes, keys.Length, wide)
    {
        if (weights.Length != keys.Length * classes) throw new ArgumentException("weights must hold one row per key");
        for (int r = 0; r < keys.Length; r++)
            Quantize(weights.AsSpan(r * classes, classes), Claim(keys[r]));
    }

    /// <summary>An empty table sized for <paramref name="count"/> rows.</summary>
    private LinearModel(int classes, int count, bool wide)
    {
        Classes = classes;
        Wide = wide;
        FeatureCount = count;
        // Small models (the parser's 3 moves) use 4-float rows and 128-bit adds; others 8-float chunks.
        Stride = classes <= 4 ? 4 : (classes + 7) / 8 * 8;
        _slotBytes = 16;
        while (_slotBytes < HeaderBytes + Stride * WeightBytes) _slotBytes <<= 1;
        int capacity = 16;
        while (capacity < count * 2) capacity <<= 1;
        _mask = capacity - 1;
        _table = GC.AllocateArray<byte>(capacity * _slotBytes + CacheLine, pinned: true);
        _origin = AlignedOrigin(_table);
    }

    public int Classes { get; }
    /// <summary>Floats per score buffer: <see cref="Classes"/> rounded up to the SIMD width; score buffers need this length.</summary>
    public int Stride { get; }
    public int FeatureCount { get; }
    /// <summary>16-bit weights (else 8-bit).</summary>
    public bool Wide { get; }
    private int WeightBytes => Wide ? 2 : 1;

    private static unsafe int AlignedOrigin(byte[] pinned)
    {
        long address = (long)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(pinned));
        return (int)((CacheLine - address % CacheLine) % CacheLine);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Scramble(uint key) => key * 0x9E3779B1u >> 3 ^ key;

    /// <summary>The slot of a new key: its offset in the table, with the key written.</summary>
    private int Claim(uint key)
    {
        if (key == 0) throw new ArgumentException("feature keys are never 0");
        int slot = (int)(Scramble(key) & (uint)_mask);
        while (true)
        {
            int at = _origin + slot * _slotBytes;
            uint found = BinaryPrimitives.ReadUInt32LittleEndian(_table.AsSpan(at));
            if (found == key) throw new ArgumentException("duplicate feature key");
            if (found == 0)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(_table.AsSpan(at), key);
                return at;
            }
            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>The offset of a key's slot in the table, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Find(ref byte table, uint key)
    {
        int slot = (int)(Scramble(key) & (uint)_mask);
        while (true)
        {
            int at = slot * _slotBytes;
            uint found = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref table, at));
            if (found == key) return at;
            if (found == 0) return -1;
            slot = (slot + 1) & _mask;
        }
    }

    private void Quantize(ReadOnlySpan<float> row, int at)
    {
        float max = 0;
        foreach (float w in row) max = Math.Max(max, Math.Abs(w));
        var slot = _table.AsSpan(at, _slotBytes);
        if (Wide)
        {
            float scale = max / 32767f;
            float inv = scale == 0 ? 0 : 1f / scale;
            BinaryPrimitives.WriteSingleLittleEndian(slot[4..], scale);
            for (int c = 0; c < row.Length; c++)
                BinaryPrimitives.WriteInt16LittleEndian(slot[(HeaderBytes + 2 * c)..], (short)Math.Clamp((int)MathF.Round(row[c] * inv), -32767, 32767));
        }
        else
        {
            float scale = (float)(Half)(max / 127f);
            float inv = scale == 0 ? 0 : 1f / scale;
            BinaryPrimitives.WriteSingleLittleEndian(slot[4..], scale);
            for (int c = 0; c < row.Length; c++)
                slot[HeaderBytes + c] = (byte)(sbyte)Math.Clamp((int)MathF.Round(row[c] * inv), -127, 127);
        }
    }

    /// <summary>The slots in use: (key, offset), in table order.</summary>
    private IEnumerable<(uint Key, int At)> Slots()
    {
        for (int slot = 0; slot <= _mask; slot++)
        {
            int at = _origin + slot * _slotBytes;
            uint key = BinaryPrimitives.ReadUInt32LittleEndian(_table.AsSpan(at));
            if (key != 0) yield return (key, at);
        }
    }

    private float ScaleAt(int at) => BinaryPrimitives.ReadSingleLittleEndian(_table.AsSpan(at + 4));

    private int QuantumAt(int at, int c) => Wide
        ? BinaryPrimitives.ReadInt16LittleEndian(_table.AsSpan(at + HeaderBytes + 2 * c))
        : (sbyte)_table[at + HeaderBytes + c];

    /// <summary>Sums the rows of <paramref name="features"/> into <paramref name="scores"/> (length at least <see cref="Stride"/>; cleared first).</summary>
    public unsafe void Score(ReadOnlySpan<uint> features, Span<float> scores)
    {
        ref byte table = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_table), _origin);
        if (Sse.IsSupported && features.Length > 1)
        {
            // Ask for every slot before reading any: the misses then overlap instead of queueing.
            byte* origin = (byte*)Unsafe.AsPointer(ref table);
            foreach (uint f in features) Sse.Prefetch0(origin + (Scramble(f) & (uint)_mask) * (uint)_slotBytes);
        }
        if (Stride == 4 && !Wide && Sse41.IsSupported)
        {
            var sum = Vector128<float>.Zero;
            foreach (uint f in features)
            {
                int at = Find(ref table, f);
                if (at < 0) continue;
                ref byte slot = ref Unsafe.Add(ref table, at);
                var q = Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<int>(ref Unsafe.Add(ref slot, HeaderBytes))).AsSByte();
                sum += Sse2.ConvertToVector128Single(Sse41.ConvertToVector128Int32(q)) * Vector128.Create(Unsafe.ReadUnaligned<float>(ref Unsafe.Add(ref slot, 4)));
            }
            sum.CopyTo(scores);
            return;
        }
        if (Avx2.IsSupported && Stride % 8 == 0)
        {
            var acc = MemoryMarshal.Cast<float, Vector256<float>>(scores[..Stride]);
            acc.Clear();
            int chunks = acc.Length;
            foreach (uint f in features)
            {
                int at = Find(ref table, f);
                if (at < 0) continue;
                ref byte slot = ref Unsafe.Add(ref table, at);
                var scale = Vector256.Create(Unsafe.ReadUnaligned<float>(ref Unsafe.Add(ref slot, 4)));
                ref byte q = ref Unsafe.Add(ref slot, HeaderBytes);
                for (int v = 0; v < chunks; v++)
                {
                    var ints = Wide
                        ? Avx2.ConvertToVector256Int32(Vector128.LoadUnsafe(ref Unsafe.As<byte, short>(ref Unsafe.Add(ref q, 16 * v))))
                        : Avx2.ConvertToVector256Int32(Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<long>(ref Unsafe.Add(ref q, 8 * v))).AsSByte());
                    acc[v] += Avx.ConvertToVector256Single(ints) * scale;
                }
            }
            return;
        }
        scores[..Stride].Clear();
        foreach (uint f in features)
        {
            int at = Find(ref table, f);
            if (at < 0) continue;
            at += _origin;
            float scale = ScaleAt(at);
            for (int c = 0; c < Classes; c++) scores[c] += QuantumAt(at, c) * scale;
        }
    }

    /// <summary>A copy without the rows whose largest absolute weight is below <paramref name="minWeight"/>.</summary>
    public LinearModel Prune(float minWeight)
    {
        var keys = new List<uint>();
        var weights = new List<float>();
        foreach (var (key, at) in Slots())
        {
            float scale = ScaleAt(at);
            float max = 0;
            for (int c = 0; c < Classes; c++) max = Math.Max(max, Math.Abs(QuantumAt(at, c) * scale));
            if (max < minWeight) continue;
            keys.Add(key);
            for (int c = 0; c < Classes; c++) weights.Add(QuantumAt(at, c) * scale);
        }
        return new LinearModel(Classes, keys.ToArray(), weights.ToArray(), Wide);
    }

    /// <summary>
    /// Writes the model: keys sorted and delta-coded, then per row its scale and quantised weights (half
    /// scale and 8-bit weights, or float scale and 16-bit weights when <see cref="Wide"/>). A 16-bit file
    /// starts with the class count negated, so files written before that variant still read.
    /// </summary>
    public void Write(BinaryWriter writer)
    {
        writer.Write(Wide ? -Classes : Classes);
        writer.Write(FeatureCount);
        var slots = Slots().OrderBy(s => s.Key).ToArray();
        uint previous = 0;
        foreach (var (key, _) in slots) { WriteVarUInt(writer, key - previous); previous = key; }
        foreach (var (_, at) in slots)
        {
            if (Wide) writer.Write(ScaleAt(at));
            else writer.Write((Half)ScaleAt(at));
            writer.Write(_table, at + HeaderBytes, Classes * WeightBytes);   // little-endian in the slot, as in the file
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
        var model = new LinearModel(classes, count, wide);
        var q = new byte[classes * model.WeightBytes];
        for (int r = 0; r < count; r++)
        {
            int at = model.Claim(keys[r]);
            float scale = wide ? reader.ReadSingle() : (float)reader.ReadHalf();
            BinaryPrimitives.WriteSingleLittleEndian(model._table.AsSpan(at + 4), scale);
            reader.BaseStream.ReadExactly(q);
            q.CopyTo(model._table.AsSpan(at + HeaderBytes));
        }
        return model;
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
