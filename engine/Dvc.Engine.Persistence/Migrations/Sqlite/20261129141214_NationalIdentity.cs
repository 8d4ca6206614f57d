using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dvc.Engine.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NationalIdentity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "IdentityVerifiedAt",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VerifiedClaimsJson",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_ApplicantCitizenId",
                table: "Dossiers",
                column: "ApplicantCitizenId");

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_SubmittedByUserId",
                table: "Dossiers",
                column: "SubmittedByUserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Dossiers_ApplicantCitizenId",
                table: "Dossiers");

            migrationBuilder.DropIndex(
                name: "IX_Dossiers_SubmittedByUserId",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "IdentityVerifiedAt",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "VerifiedClaimsJson",
                table: "AspNetUsers");
        }
    }
}
