using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dvc.Engine.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RandomDossierCodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DossierCodeCounters");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DossierCodeCounters",
                columns: table => new
                {
                    Prefix = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    LastValue = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DossierCodeCounters", x => new { x.Prefix, x.Year });
                });
        }
    }
}
