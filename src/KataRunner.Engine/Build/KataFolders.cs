using AsyncKatas.Catalog;

namespace KataRunner.Engine.Build;

/// <summary>Which kata a file belongs to: the folder under katas/ or solutions/ it sits in.</summary>
public static class KataFolders
{
    /// <summary>"K03_AwaitChains" for katas/K03_AwaitChains/… or solutions/K03_AwaitChains/…; null otherwise.</summary>
    public static string? Of(RepositoryPaths paths, string path)
    {
        return string.IsNullOrEmpty(path) || !Path.IsPathRooted(path) ? null : OfRelative(paths.Relative(path));
    }

    /// <summary>The same for an error's path as messages show it (relative to the root).</summary>
    public static string? OfRelative(string relativePath)
    {
        var parts = relativePath.Split('/');
        return parts.Length >= 3 && parts[0] is ("katas" or "solutions") && KataCatalog.All.Any(k => k.Folder == parts[1]) ? parts[1] : null;
    }
}
