namespace Dvc.IdentityProvider;

/// <summary>
/// The people offered on the sign-in page when nothing else is configured. Nguyễn Văn An shares his e-mail with the
/// server's demo citizen account, so his first sign-in shows account linking; Trần Thị Bình registers her baby;
/// Lê Hoàng Cường has no e-mail, as many VNeID accounts do.
/// </summary>
public static class DemoCitizens
{
    public static IReadOnlyList<CitizenIdentity> All { get; } =
    [
        new("vneid-an", "001090012345", "Nguyễn Văn An", new DateOnly(1990, 5, 12), "male", "0912345678", "congdan@dvc.local",
            "Số 12 phố Hàng Bông", "Phường Hoàn Kiếm", "Thành phố Hà Nội"),
        new("vneid-binh", "001195006789", "Trần Thị Bình", new DateOnly(1995, 8, 20), "female", "0987654321", "binh.tran@example.vn",
            "Số 5 ngõ 10 phố Đội Cấn", "Phường Ba Đình", "Thành phố Hà Nội"),
        new("vneid-cuong", "001085004321", "Lê Hoàng Cường", new DateOnly(1985, 11, 2), "male", "0903123456", null,
            "Thôn Đình Tổ", "Xã Vân Đình", "Thành phố Hà Nội"),
        new("vneid-dung", "001170001111", "Phạm Thị Dung", new DateOnly(1970, 1, 15), "female", "0977000111", "dung.pham@example.vn",
            "Số 3 phố Phạm Ngọc Thạch", "Phường Kim Liên", "Thành phố Hà Nội"),
    ];
}
