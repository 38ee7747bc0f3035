{#- Công văn: a covering letter (Mẫu 1.5). vanban lays out the header with "V/v …" under the
    Số line (no type name), Kính gửi, the signature and Nơi nhận ("- Như trên;" first when
    there is a Kính gửi). When the record names the document it sends (`kem_theo`), the
    letter names it; components come from chung.vb. -#}
{{ <noi_dung blocks={mo_dau} tieu_chi={tieu_chi} tong={tong} khac_phuc={khac_phuc} tong_hop={tong_hop} /> }}
{% if kem_theo %}
@p {{ co_quan.ten }} gửi kèm theo Công văn này {{ kem_theo.loai }} số {{ kem_theo.so_ky_hieu }} {{ kem_theo.ngay }}{% if kem_theo.co_quan != co_quan.ten %} của {{ kem_theo.co_quan }}{% endif %} về {{ kem_theo.trich_yeu_thuong }}.
{% endif %}
{{ <cac_phan phan={phan} tieu_chi={tieu_chi} tong={tong} khac_phuc={khac_phuc} tong_hop={tong_hop} /> }}
{{ <noi_dung blocks={ket_thuc} tieu_chi={tieu_chi} tong={tong} khac_phuc={khac_phuc} tong_hop={tong_hop} /> }}
