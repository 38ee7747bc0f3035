{#- Báo cáo: a progress report derived from the plan named by `ke_hoach` in the record.
    Counts, rates and the change list are computed from the plan's dated progress entries
    as of `tinh_den`; components come from chung.vb. -#}
{% if ke_hoach %}
@p Thực hiện {{ ke_hoach.loai }} số {{ ke_hoach.so_ky_hieu }} {{ ke_hoach.ngay }} của {{ ke_hoach.co_quan }} về {{ ke_hoach.trich_yeu_thuong }}, {{ co_quan.ten }} báo cáo kết quả thực hiện{% if tinh_den %} (số liệu cập nhật đến ngày {{ tinh_den }}){% endif %} như sau:
{% endif %}
{{ <noi_dung blocks={mo_dau} tieu_chi={tieu_chi} tong={tong} khac_phuc={khac_phuc} /> }}
@h1 Kết quả thực hiện
@p Tổng số nhiệm vụ, giải pháp khắc phục: {{ tong_hop.chung.tong }}; trong đó:
@- Đã hoàn thành: {{ tong_hop.chung.ty_le_hoan_thanh }};
@- Đang thực hiện: {{ tong_hop.chung.dang_thuc_hien }};
@- Chưa thực hiện: {{ tong_hop.chung.chua_thuc_hien }};
@- Không thể thực hiện: {{ tong_hop.chung.khong_the_thuc_hien }}.
{% for g in tong_hop.theo_nhom %}
@+ {{ g.ten }}: đã hoàn thành {{ g.so_lieu.ty_le_hoan_thanh }} nhiệm vụ.
{% endfor %}
{% if thay_doi %}
@h1 Những thay đổi từ ngày {{ thay_doi_tu }}
{% for c in thay_doi %}
@- {{ c.ten }}: {{ c.sau or "chưa cập nhật" }}{% if c.truoc %} (trước đây: {{ c.truoc }}){% endif %}.
{% endfor %}
{% endif %}
{{ <cac_phan phan={phan} tieu_chi={tieu_chi} tong={tong} khac_phuc={khac_phuc} /> }}
{% if phu_luc %}
@note (Chi tiết tại Phụ lục kèm theo)
{% endif %}
{{ <noi_dung blocks={ket_thuc} tieu_chi={tieu_chi} tong={tong} khac_phuc={khac_phuc} /> }}
