using System.Buffers.Binary;
using System.IO.Compression;

namespace VirtualTimeLoop.Tests.Timeline;

/// <summary>The pixels of a PNG file (8-bit RGB or RGBA, not interlaced: what Chromium's screenshots are), read with the framework's zlib.</summary>
internal sealed class PngPixels
{
    private readonly byte[] _rgb;

    private PngPixels(int width, int height, byte[] rgb) => (Width, Height, _rgb) = (width, height, rgb);

    public int Width { get; }

    public int Height { get; }

    /// <summary>The colour at (x, y) as 0xRRGGBB.</summary>
    public int this[int x, int y] => (_rgb[(y * Width + x) * 3] << 16) | (_rgb[(y * Width + x) * 3 + 1] << 8) | _rgb[(y * Width + x) * 3 + 2];

    public static PngPixels Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        int width = 0, height = 0, channels = 0;
        using var idat = new MemoryStream();
        for (var at = 8; at < bytes.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(bytes, at + 4, 4);
            var data = bytes.AsSpan(at + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                if (data[8] != 8 || data[12] != 0) throw new NotSupportedException("only 8-bit, non-interlaced PNG");
                channels = data[9] switch { 2 => 3, 6 => 4, _ => throw new NotSupportedException($"PNG colour type {data[9]}") };
            }
            else if (type == "IDAT") idat.Write(data);
            at += 12 + length;
        }
        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var z = new ZLibStream(idat, CompressionMode.Decompress)) z.CopyTo(inflated);
        var raw = inflated.ToArray();
        var stride = width * channels;
        var previous = new byte[stride];
        var rgb = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            var row = raw.AsSpan(y * (stride + 1) + 1, stride).ToArray();
            for (var i = 0; i < stride; i++)
            {
                int left = i >= channels ? row[i - channels] : 0, up = previous[i], upLeft = i >= channels ? previous[i - channels] : 0;
                row[i] = (byte)(row[i] + filter switch
                {
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => 0,
                });
            }
            for (var x = 0; x < width; x++) row.AsSpan(x * channels, 3).CopyTo(rgb.AsSpan((y * width + x) * 3));
            previous = row;
        }
        return new PngPixels(width, height, rgb);
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
